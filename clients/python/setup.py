"""Bundles the signalcheck command line into the package when it has been built.

The build copies ``signalcheck.jar`` and its ``lib/`` folder from ``SIGNALCHECK_JAR`` (when set) or
from the checkout's ``cli/target/`` into ``signalcheck/_java/``; without either it bundles nothing,
and the package then finds the jar at run time (see ``signalcheck.find_jar``).
"""

import os
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


def built_jar():
    env = os.environ.get("SIGNALCHECK_JAR")
    if env:
        return Path(env)
    jar = HERE.parent.parent / "cli" / "target" / "signalcheck.jar"
    return jar if jar.is_file() else None


class BuildWithJar(build_py):
    def run(self):
        super().run()
        jar = built_jar()
        if jar is None:
            self.announce("signalcheck.jar not built: the package will look for it at run time", 2)
            return
        dest = Path(self.build_lib) / "signalcheck" / "_java"
        if dest.exists():
            shutil.rmtree(dest)
        (dest / "lib").mkdir(parents=True)
        shutil.copy2(jar, dest / "signalcheck.jar")
        for lib in sorted((jar.parent / "lib").glob("*.jar")):
            shutil.copy2(lib, dest / "lib" / lib.name)
        self.announce(f"bundled {jar} and its lib/ folder", 2)


setup(cmdclass={"build_py": BuildWithJar})
