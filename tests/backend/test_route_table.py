"""The route table is the API's one list of paths: each entry names a function that exists, and no function of a
route module is left without a path."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from careermitra.api import routes
from careermitra.api.routes import ROUTES, function_of


def test_every_route_is_answered_by_a_function_of_its_area_that_takes_the_event() -> None:
    for route in ROUTES:
        function = function_of(route)
        assert inspect.isfunction(function) and function.__module__ == route.module, route
        assert next(iter(inspect.signature(function).parameters)) == "event", route


def test_no_two_routes_share_a_method_and_path() -> None:
    assert len({(route.method, route.path) for route in ROUTES}) == len(ROUTES)


def test_every_public_function_of_every_route_module_has_a_route() -> None:
    routed = {(route.module, route.function_name) for route in ROUTES}
    areas = [f"{routes.__name__}.{area.name}" for area in pkgutil.iter_modules(routes.__path__)]
    assert set(areas) == {route.module for route in ROUTES}
    for area in areas:
        module = importlib.import_module(area)
        public = {name for name, function in inspect.getmembers(module, inspect.isfunction)
                  if function.__module__ == area and not name.startswith("_")}
        assert {(area, name) for name in public} <= routed, area
