"""A fast path for the QR codes of page addresses: exactly the SVG segno writes, about
seven times faster.

A first build at 1,000 pages spent a second in segno's pure Python. For an ASCII address
in byte mode, versions 1 to 9, error level M (boosted as segno does) and mask 0, the
message's codewords and their Reed-Solomon words are computed here, and everything that
depends only on the version and level (function patterns, format information, where each
bit goes) is taken once from a code segno made. Anything else goes to segno itself
(``vmi.site.qr``); ``tests/build/test_qr.py`` compares both for hundreds of addresses.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import segno
from segno import consts, encoder

FAST_OPTIONS: dict[str, Any] = {"error": "m", "micro": False, "mask": 0}

# Everything that depends only on the version and error level (function patterns,
# format information, where each bit goes) is taken once from a code segno made; a
# test compares the result with segno's for many addresses.
_FAST_VERSIONS = range(1, 10)  # an 8-bit character count: up to 180 bytes at level M
_LEVELS = (consts.ERROR_LEVEL_M, consts.ERROR_LEVEL_Q, consts.ERROR_LEVEL_H)
_LEVEL_NAMES = {consts.ERROR_LEVEL_M: "m", consts.ERROR_LEVEL_Q: "q", consts.ERROR_LEVEL_H: "h"}
# segno's tables (its consts module declares no types): bits a symbol holds, block
# structure, generator polynomials and Galois field logarithms.
_CAPACITY: Any = consts.SYMBOL_CAPACITY
_BLOCKS: Any = consts.ECC
_GENERATORS: Any = consts.GEN_POLY
_LOG: Any = consts.GALIOS_LOG
_EXP: Any = consts.GALIOS_EXP


def fast_svg(url: str, border: int, svg_class: str) -> str | None:
    """segno's inline SVG of ``url`` with ``FAST_OPTIONS``; ``None`` outside the fast path."""
    if not url.isascii():
        return None
    data = url.encode("ascii")
    if all(byte in consts.ALPHANUMERIC_CHARS for byte in data):
        return None  # segno would choose the numeric or alphanumeric mode
    bits = 12 + 8 * len(data)  # mode (4 bits) and character count (8 bits), then data
    version = next((v for v in _FAST_VERSIONS
                    if _CAPACITY[v][consts.ERROR_LEVEL_M] >= bits), None)
    if version is None:
        return None
    error = consts.ERROR_LEVEL_M
    for level in _LEVELS[1:]:  # segno's boost_error: a stronger level if it still fits
        if _CAPACITY[version][level] < bits:
            break
        error = level
    layout = _layout(version, error)
    size = layout.size
    modules = layout.place(_codewords(data, version, error))
    width = size + 2 * border
    moves: list[str] = []
    x, y = 0, 0.0
    for row in range(size):
        runs = _RUNS.findall(modules, row * size, (row + 1) * size)
        if not runs:
            continue
        line = border + row + .5
        dy, first = line - y, runs[0]
        x1 = border + first.index(1)
        moves.append(f"{'m' if moves else 'M'}{x1 - x} {int(dy) if int(dy) == dy else dy}"
                     f"h{len(first) - first.index(1)}")
        moves += map(_move, runs[1:])
        x, y = border + sum(map(len, runs)), line
    paths = sorted([f'<path stroke="#000" d="{"".join(moves)}"/>',
                    f'<path fill="#fff" d="M0 0h{width}v{width}h-{width}z"/>'], key=len)
    return f'<svg viewBox="0 0 {width} {width}" class="{svg_class}">{"".join(paths)}</svg>'


_RUNS = re.compile(rb"\x00*\x01+")  # light modules, then the dark run they lead to


@functools.lru_cache(maxsize=4096)
def _move(run: bytes) -> str:
    """Path of a dark run after another on the same row: ``run`` is the light gap, then
    the dark modules."""
    gap = run.index(1)
    return f"m{gap} 0h{len(run) - gap}"


def _codewords(data: bytes, version: int, error: int) -> list[int]:
    """Data codewords (byte mode, terminator, padding) then error correction, interleaved."""
    capacity = _CAPACITY[version][error]
    value, bits = (0b0100 << 8 | len(data)) << 8 * len(data) | int.from_bytes(data, "big"), \
        12 + 8 * len(data)
    end = min(4, capacity - bits)  # terminator
    end += 8 - (bits + end) % 8  # to a byte boundary: segno adds a whole byte when there
    value, bits = value << end, bits + end
    codewords = list(value.to_bytes(bits // 8, "big"))
    codewords += [0xEC, 0x11] * ((capacity // 8 - len(codewords)) // 2 + 1)
    del codewords[capacity // 8:]
    data_blocks, error_blocks, at = [], [], 0
    for info in _BLOCKS[version][error]:
        for _ in range(info.num_blocks):
            block = codewords[at:at + info.num_data]
            at += info.num_data
            data_blocks.append(block)
            error_blocks.append(_remainder(block, info.num_total - info.num_data))
    return [word for blocks in (data_blocks, error_blocks)
            for column in itertools.zip_longest(*blocks) for word in column if word is not None]


def _remainder(block: list[int], count: int) -> list[int]:
    """The ``count`` Reed-Solomon error correction words of ``block``: the division by
    the generator, on the words as one integer."""
    table, top, keep = _products(count), 8 * (count - 1), (1 << 8 * count) - 1
    rest = 0
    for word in block:
        rest = (rest << 8 & keep) ^ table[word ^ rest >> top]
    return list(rest.to_bytes(count, "big"))


@functools.cache
def _products(count: int) -> tuple[int, ...]:
    """For each word, its products with the generator of ``count`` words, as an integer."""
    generator = _GENERATORS[count]
    return (0, *(int.from_bytes(bytes(_EXP[_LOG[factor] + g] for g in generator), "big")
                 for factor in range(1, 256)))


@dataclass(frozen=True)
class _Layout:
    size: int
    template: bytes  # a code of this version and level, modules row after row
    flips: bytes  # mask 0 at the place of each bit of the message, in segno's order
    # Each module from the template or from the message's bits (``template + bits``);
    # the remainder bits after the message keep the template's modules.
    gather: Callable[[bytes], tuple[int, ...]]

    def place(self, codewords: list[int]) -> bytes:
        """The symbol's modules (0 or 1), row after row."""
        count = 8 * len(codewords)  # the remainder bits after them are the template's
        bits = format(int.from_bytes(bytes(codewords), "big"), f"0{count}b").encode()
        masked = int.from_bytes(bits.translate(_BITS), "big") ^ int.from_bytes(self.flips, "big")
        return bytes(self.gather(self.template + masked.to_bytes(count, "big")))


@functools.cache
def _layout(version: int, error: int) -> _Layout:
    code = segno.make("a", version=version, error=_LEVEL_NAMES[error], mask=0,
                      micro=False, boost_error=False)
    size = len(code.matrix)
    free = encoder.make_matrix(size, size)
    encoder.add_finder_patterns(free, size, size)
    encoder.add_alignment_patterns(free, size, size)
    mask = encoder.get_data_mask_functions(False)[0]
    order = []
    for right in range(size - 1, 0, -2):  # as segno's add_codewords walks the symbol
        if right <= 6:
            right -= 1
        for vertical in range(size):
            for j in (right, right - 1):
                upwards = ((right & 2) == 0) ^ (j < 6)
                i = size - 1 - vertical if upwards else vertical
                if free[i][j] == 0x2:
                    order.append(i * size + j)
    del order[8 * sum(b.num_blocks * b.num_total for b in _BLOCKS[version][error]):]
    sources = list(range(size * size))  # the template's own module…
    for bit, place in enumerate(order):
        sources[place] = size * size + bit  # …or the message's bit placed there
    return _Layout(size, b"".join(bytes(row) for row in code.matrix),
                   bytes(bool(mask(place // size, place % size)) for place in order),
                   operator.itemgetter(*sources))


_BITS = bytes.maketrans(b"01", b"\x00\x01")
