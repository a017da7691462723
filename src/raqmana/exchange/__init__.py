"""Data exchange with other systems: a round as a ZIP of CSV and JSON tables with a manifest (checksums,
counts, framework version, licence), and signed webhook deliveries of domain events.

Pure Python: no web framework and no database. The use cases that read and write the store are in
:mod:`raqmana.workspace.exchange` (rounds) and :mod:`raqmana.workspace.outbox`, :mod:`~raqmana.workspace.webhooks` and
:mod:`~raqmana.workspace.webhook_delivery` (events and webhooks).
"""
