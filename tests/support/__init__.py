"""What the test suites share: the test world and its personas, settings, and the tools the suite needs."""
