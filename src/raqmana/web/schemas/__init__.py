"""The JSON API's request and response models: what each operation under ``/api/v1`` takes and returns.

The routes still return the use cases' views (turned into JSON by :func:`raqmana.web.jsonable.jsonable`);
these models describe that JSON in the OpenAPI document, and ``tests/web/test_openapi_schemas.py`` checks
real responses against them.
"""
