# What test code can reach, put back as it was before candidate code ran. Loaded by the
# harness before any candidate code exists. Defines make_restorer(test_code) -> restore
# (a function, or None when the test code imports nothing).
#
# Why: check()-style test code decides its verdict inside the sandbox
# (`assert math.isclose(f(x), 0.5); return True`). Candidate code shares the process and
# could patch a module the test code uses (math.isclose = lambda *a, **k: True), a
# pure-Python class's method, sys.modules, or the import hooks, at load time or during a
# call. The harness calls restore() after the candidate's module loads, after every call
# of the candidate's function returns, and before every run_case call, so the test code
# always runs against the modules as they were before the candidate existed.
#
# What is restored: every module the test code imports (found with `ast`, imported now,
# before candidate code runs), their parent packages and submodules, the modules their
# globals refer to directly (the modules, and the modules of the functions and classes
# they hold; one step, not transitively), builtins, and the import machinery (importlib's bootstrap modules,
# sys.meta_path, sys.path_hooks, sys.path, sys.path_importer_cache). For each: the
# module's globals (names added are removed, names changed re-bound), the attributes of
# the pure-Python classes it defines, and the attributes of the pure-Python objects its
# globals hold (json._default_decoder, say). Names that were None are not re-bound and
# the contents of module-level lists/dicts/sets are not reset: that is live state
# (asyncio's running tasks, lazily created policies), and resetting it breaks honest
# code. Comparison is by identity, never `==`: a candidate's object must not get to
# answer whether it changed anything.
#
# Everything used here is bound now, into closures, from C-level functions of built-in
# types, which no Python code can alter.

def make_restorer(test_code):
    import ast
    import sys
    from operator import is_
    _all, _map = all, map
    _type, _dict, _list, _set, _isinstance, _getattr, _str = type, dict, list, set, isinstance, getattr, str
    _tuple, _len = tuple, len
    module_type = _type(sys)
    dict_clear, dict_update, dict_copy, dict_get = dict.clear, dict.update, dict.copy, dict.get
    dict_items, dict_keys, dict_pop, dict_setitem = dict.items, dict.keys, dict.pop, dict.__setitem__
    list_setitem = list.__setitem__
    set_clear, set_update = set.clear, set.update
    type_setattr, type_delattr = type.__setattr__, type.__delattr__
    type_dict = type.__dict__["__dict__"].__get__
    type_flags = type.__dict__["__flags__"].__get__
    type_module = type.__dict__["__module__"].__get__
    mappingproxy_get = _type(type_dict(object)).get
    mappingproxy_keys = _type(type_dict(object)).keys
    mappingproxy_values = _type(type_dict(object)).values
    mappingproxy_len = _type(type_dict(object)).__len__
    dict_values, dict_len, list_len = dict.values, dict.__len__, list.__len__
    module_dict = module_type.__dict__["__dict__"].__get__
    str_startswith = str.startswith
    HEAPTYPE, IMMUTABLETYPE = 1 << 9, 1 << 8
    missing = object()

    # --- which modules the test code can reach ---
    try:
        tree = ast.parse(test_code)
    except SyntaxError:
        return None  # the harness reports it when it compiles the test code
    imported = []
    for node in ast.walk(tree):
        if _isinstance(node, ast.Import):
            imported += [alias.name for alias in node.names]
        elif _isinstance(node, ast.ImportFrom) and node.module and not node.level:
            imported.append(node.module)
            imported += [node.module + "." + alias.name for alias in node.names if alias.name != "*"]
    if not imported:
        return None
    wanted = _set()
    for name in imported:
        parts = name.split(".")
        wanted.update(".".join(parts[: i + 1]) for i in range(_len(parts)))
    for name in sorted(wanted):
        try:
            __import__(name)  # now, so the snapshot holds it and the candidate's version never loads
        except BaseException:  # noqa: BLE001 - `from m import function` names no module; the guard may refuse one
            pass
    modules = sys.modules
    own_prefixes = _tuple(n + "." for n in wanted)
    reach = [m for m in (dict_get(modules, n) for n in sorted(wanted)) if _type(m) is module_type]
    seen = {id(m) for m in reach}
    for name, m in _list(dict_items(modules)):
        if str_startswith(name, own_prefixes) and _type(m) is module_type and id(m) not in seen:
            seen.add(id(m))
            reach.append(m)
    roots_end = _len(reach)
    machinery_names = ("builtins", "importlib", "importlib._bootstrap", "importlib._bootstrap_external",
                       "_frozen_importlib", "_frozen_importlib_external")
    wanted.update(machinery_names)
    prefixes = _tuple(n + "." for n in wanted)
    for m in (dict_get(modules, n) for n in machinery_names):
        if _type(m) is module_type and id(m) not in seen:
            seen.add(id(m))
            reach.append(m)
    # One step out from the test code's own modules (and their submodules): the modules
    # whose functions and classes theirs call directly. Not transitively: each module
    # restored costs a little on every call, and the whole closure is ~50 modules.
    for i in range(roots_end):
        for value in _list(module_dict(reach[i]).values()):
            target = value
            if _type(value) is not module_type:
                try:  # a function's, class's or object's home module
                    owner = _getattr(value, "__module__", None)
                except BaseException:  # noqa: BLE001 - a lazy object may raise; nothing to follow then
                    owner = None
                target = dict_get(modules, owner) if _type(owner) is _str else None
            if _type(target) is module_type and id(target) not in seen:
                seen.add(id(target))
                reach.append(target)
    # sys holds the harness's own stdout/stderr per test: its import machinery is handled below.
    reach = [m for m in reach if m is not sys]

    # --- the snapshot ---
    def dict_snapshot(d):
        copy = dict_copy(d)
        return copy, _len(copy), _list(copy), _list(dict_values(copy))

    module_snaps, class_snaps, object_snaps = [], [], []
    # Each container once (every module's __builtins__ is the builtins module's dict).
    taken = {id(module_dict(m)) for m in reach}
    for m in reach:
        d = module_dict(m)
        module_snaps.append((d, dict_snapshot(d)))
        own = _getattr(m, "__name__", None)
        for value in _list(d.values()):
            t = _type(value)
            if id(value) in taken:
                continue
            if _isinstance(value, _type):
                flags = type_flags(value)
                # A class is snapshotted where it is defined (json.JSONDecoder is json.decoder's).
                if flags & HEAPTYPE and not flags & IMMUTABLETYPE and type_module(value) == own:
                    taken.add(id(value))
                    cd = type_dict(value)
                    copy = _dict(cd)
                    class_snaps.append((value, cd, copy, _len(copy), _list(copy), _list(copy.values())))
                continue
            taken.add(id(value))
            # Module-level lists, dicts and sets are live state (asyncio's running tasks,
            # caches), so their contents are left alone; objects' attributes are restored.
            if t is not module_type and t is not _list and t is not _dict and t is not _set and type_flags(t) & HEAPTYPE:
                try:
                    od = object.__getattribute__(value, "__dict__")
                except BaseException:  # noqa: BLE001 - no __dict__ (slots): nothing to restore
                    continue
                if _type(od) is _dict:
                    object_snaps.append((od, dict_snapshot(od)))
    machinery = [(sys.meta_path, _list(sys.meta_path)), (sys.path_hooks, _list(sys.path_hooks)),
                 (sys.path, _list(sys.path)), (sys.path_importer_cache, dict_snapshot(sys.path_importer_cache))]
    module_entries = {n: m for n, m in _list(dict_items(modules)) if n in wanted or str_startswith(n, prefixes)}

    # Unchanged is checked first, by identity and in C (map over operator.is_): most
    # calls change nothing, and a Python loop over every class attribute costs ~1 ms.
    def put_back(container, copy):
        t = _type(container)
        if t is _list:
            if list_len(container) != _len(copy) or not _all(_map(is_, container, copy)):
                list_setitem(container, slice(None), copy)
        elif t is _dict:
            copy, n, keys, values = copy
            if (dict_len(container) != n or not _all(_map(is_, container, keys))
                    or not _all(_map(is_, dict_values(container), values))):
                dict_clear(container)
                dict_update(container, copy)
        else:  # sets: few, small, and membership would ask the elements' __eq__
            set_clear(container)
            set_update(container, copy)

    def put_back_names(d, snap):
        """
        A namespace (module globals, an object's attributes) as snapshotted: names added
        are removed and names re-bound are bound back, except names that were None, the
        way modules mark state they fill in lazily (asyncio's event loop policy).
        """
        copy, n, keys, values = snap
        if dict_len(d) == n and _all(_map(is_, d, keys)) and _all(_map(is_, dict_values(d), values)):
            return
        for key in _list(d):
            if _type(key) is not _str or key not in copy:
                dict_pop(d, key, None)
        for key, value in dict_items(copy):
            if value is not None and dict_get(d, key, missing) is not value:
                dict_setitem(d, key, value)

    def restore():
        for container, copy in machinery:
            put_back(container, copy)
        # Modules the test code would import: the snapshot's objects, and nothing the
        # candidate added under those names (they load fresh if the test code asks).
        for name in _list(dict_keys(modules)):
            if _type(name) is not _str:
                dict_pop(modules, name, None)  # a str subclass could answer for "math" by its __eq__
            elif (name in wanted or str_startswith(name, prefixes)) and name not in module_entries:
                dict_pop(modules, name, None)
        dict_update(modules, module_entries)
        for d, copy in module_snaps:
            put_back_names(d, copy)
        for od, copy in object_snaps:
            put_back_names(od, copy)
        for cls, cd, copy, n, keys, values in class_snaps:
            if (mappingproxy_len(cd) == n and _all(_map(is_, mappingproxy_keys(cd), keys))
                    and _all(_map(is_, mappingproxy_values(cd), values))):
                continue
            for key in _list(mappingproxy_keys(cd)):
                if key not in copy:
                    type_delattr(cls, key)
            for key, value in dict_items(copy):
                if value is not None and mappingproxy_get(cd, key, missing) is not value:
                    type_setattr(cls, key, value)

    return restore
