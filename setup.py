"""The optional C extension of eightk; everything else (metadata, dependencies, data files) is in pyproject.toml.

``eightk.formats._htmlscan`` is the compiled twin of the HTML tokenizer (issue #2: ~5x faster, identical
output). It is optional: on a machine without a C compiler the build warns and the package installs
anyway, using the pure-Python tokenizer (``eightk.formats.html.TOKENIZER`` says which one is active).
"""

from Cython.Build import cythonize
from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext


class _BuildExt(build_ext):
    """build_ext that says loudly when the optional extension could not be built."""

    def build_extension(self, ext: Extension) -> None:
        try:
            super().build_extension(ext)
        except Exception as e:
            if not getattr(ext, "optional", False):
                raise
            self.warn(
                f"eightk: could not compile {ext.name} ({e}); the pure-Python HTML tokenizer will be used "
                "(same output, slower). Install a C compiler (gcc) and reinstall for the fast one."
            )


extensions = cythonize(
    [Extension("eightk.formats._htmlscan", ["src/eightk/formats/_htmlscan.pyx"])],
    language_level=3,
    build_dir="build/cython",
)
for ext in extensions:
    ext.optional = True  # set after cythonize(), which does not carry it over to the extensions it returns

setup(ext_modules=extensions, cmdclass={"build_ext": _BuildExt})
