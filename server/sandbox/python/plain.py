# Strict serialisation of values candidate code returns, loaded by the harness before
# any candidate code runs. Defines make_plain_tools(limit) -> (to_json, to_plain).
#
# Why not json.dumps: candidate code shares this process with the harness and can
# replace anything reachable from a module (json._default_encoder, JSONEncoder.encode,
# builtins). Everything used here is bound now, into closures, and is a C-level function
# of a built-in type, which no Python code can alter. Values are read through the base
# type's own methods (int.__repr__, dict.items, ...), so a subclass that overrides
# __eq__, __repr__, __iter__ or items() cannot make its value look like something else,
# and anything that is not plain data (an "always equal" object, a set, a function) is
# refused with a clear error instead of being compared.

def make_plain_tools(limit):
    from json.encoder import encode_basestring
    _type, _issubclass, _len = type, issubclass, len
    _int, _float, _str, _bool, _list, _tuple, _dict = int, float, str, bool, list, tuple, dict
    _range, _set, _frozenset = range, set, frozenset
    int_repr, float_repr, str_copy = int.__repr__, float.__repr__, str.__str__
    list_len, list_get, tuple_len, tuple_get = list.__len__, list.__getitem__, tuple.__len__, tuple.__getitem__
    dict_items = dict.items
    join = "".join
    type_name = type.__dict__["__name__"].__get__
    MAX_DEPTH = 100

    class ReturnValueRefused(BaseException):
        """A returned value the sandbox will not carry (too large, too deep). A BaseException, not a
        ValueError: check()-style test code often catches Exception to test the errors a candidate
        raises, and would report the refusal as the candidate's own error ({"error": "ValueError"})."""

    class NotPlain(ReturnValueRefused):
        pass

    def describe_type(t):
        try:
            return _str(type_name(t))[:80]
        except BaseException:  # noqa: BLE001 - a metaclass can make even this raise
            return "object"

    def refuse(value):
        t = _type(value)
        extra = "; return a list" if _issubclass(t, (_set, _frozenset)) else ""
        raise NotPlain(f"the value returned contains a {describe_type(t)}, which is not plain data "
                       f"(numbers, strings, booleans, None, lists, tuples, dicts){extra}")

    def to_json(value):
        """The value as JSON text; raises NotPlain, or ReturnValueRefused past the size or depth limit."""
        parts = []
        size = [0]

        def put(s):
            size[0] += _len(s)
            if size[0] > limit:
                raise ReturnValueRefused(f"the value returned is larger than the {limit // 1024} KiB limit")
            parts.append(s)

        def key_text(k):
            t = _type(k)
            if t is _bool:
                return "true" if k else "false"
            if k is None:
                return "null"
            if _issubclass(t, _str):
                return str_copy(k)
            if _issubclass(t, _int):
                return int_repr(k)
            if _issubclass(t, _float):
                return float_repr(k)
            raise NotPlain(f"a dict key of type {describe_type(t)} cannot be compared; use strings")

        def walk(v, depth):
            if depth > MAX_DEPTH:
                raise ReturnValueRefused("the value returned is nested too deeply (or refers to itself)")
            t = _type(v)
            if v is None:
                put("null")
            elif t is _bool:
                put("true" if v else "false")
            elif _issubclass(t, _int):
                try:
                    text = int_repr(v)
                except ValueError:  # Python's 4300-digit limit for int to text
                    raise ReturnValueRefused("the value returned is an integer too long to write out (over 4,300 digits)") from None
                put(text)
            elif _issubclass(t, _float):
                r = float_repr(v)
                put("null" if r in ("nan", "inf", "-inf") else r)
            elif _issubclass(t, _str):
                if _len(v) > limit:
                    raise ReturnValueRefused(f"the value returned is larger than the {limit // 1024} KiB limit")
                put(encode_basestring(str_copy(v)))
            elif _issubclass(t, _list) or _issubclass(t, _tuple):
                n, get = (list_len(v), list_get) if _issubclass(t, _list) else (tuple_len(v), tuple_get)
                put("[")
                for i in _range(n):
                    if i:
                        put(",")
                    walk(get(v, i), depth + 1)
                put("]")
            elif _issubclass(t, _dict):
                put("{")
                first = True
                for k, x in _list(dict_items(v)):
                    if not first:
                        put(",")
                    first = False
                    put(encode_basestring(key_text(k)))
                    put(":")
                    walk(x, depth + 1)
                put("}")
            else:
                refuse(v)

        walk(value, 0)
        return join(parts)

    # --- to_plain: what test code receives from the candidate's function ---
    int_copy, float_copy = int.__int__, float.__float__
    mro_of = type.__dict__["__mro__"].__get__
    dict_of = type.__dict__["__dict__"].__get__
    flags_of = type.__dict__["__flags__"].__get__
    HEAPTYPE = 1 << 9
    # Operations through which an object could claim to equal, contain or be anything.
    PRETENDING = ("__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__bool__", "__len__",
                  "__contains__", "__hash__", "__sub__", "__rsub__", "__abs__", "__float__", "__int__", "__index__")

    def pretends(t, trusted):
        for klass in mro_of(t):
            if klass in trusted or not (flags_of(klass) & HEAPTYPE):
                continue  # built-in C types and the test code's own classes compare honestly
            d = dict_of(klass)
            for name in PRETENDING:
                if name in d:
                    return name
        return None

    def to_plain(value, trusted):
        """
        A copy of a plain value with exact built-in types (tuples stay tuples), so test
        code comparing it in the sandbox compares real data. Other objects pass through
        unless a class defined outside the test code overrides how they compare.
        """
        budget = [limit]

        def spend(n):
            budget[0] -= n
            if budget[0] < 0:
                raise ReturnValueRefused(f"the value returned is larger than the {limit // 1024} KiB limit")

        def copy(v, depth):
            if depth > MAX_DEPTH:
                raise ReturnValueRefused("the value returned is nested too deeply (or refers to itself)")
            t = _type(v)
            spend(8)
            if v is None or t is _bool:
                return v
            if _issubclass(t, _int):
                return int_copy(v)
            if _issubclass(t, _float):
                return float_copy(v)
            if _issubclass(t, _str):
                spend(_len(v))
                return str_copy(v)
            if _issubclass(t, _list):
                return [copy(list_get(v, i), depth + 1) for i in _range(list_len(v))]
            if _issubclass(t, _tuple):
                return _tuple([copy(tuple_get(v, i), depth + 1) for i in _range(tuple_len(v))])
            if _issubclass(t, _dict):
                return {copy(k, depth + 1): copy(x, depth + 1) for k, x in _list(dict_items(v))}
            name = pretends(t, trusted)
            if name:
                raise NotPlain(f"the value returned is a {describe_type(t)} that defines {name}; "
                               "return plain data (numbers, strings, lists, tuples, dicts)")
            return v

        return copy(value, 0)

    return to_json, to_plain, NotPlain
