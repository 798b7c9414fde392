"""Synthesise the kiosk's answer sounds into resources/sounds (run once; files are committed).

Four short, clearly different cues, so a volunteer hears the answer without
looking: a rising chime (checked in), a falling chime (checked out), one soft
tick (already scanned) and a low double buzz (refused). 16-bit mono WAV, 22.05 kHz.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22050
OUT = Path(__file__).resolve().parent.parent / "resources" / "sounds"


def tone(freq: float, seconds: float, volume: float = 0.5, shape: str = "sine") -> list[float]:
    n = int(RATE * seconds)
    samples = []
    for i in range(n):
        t = i / RATE
        if shape == "square":
            value = 1.0 if math.sin(2 * math.pi * freq * t) >= 0 else -1.0
            value *= 0.35
        else:
            value = math.sin(2 * math.pi * freq * t) + 0.25 * math.sin(4 * math.pi * freq * t)
        # 5 ms attack, exponential decay: no clicks.
        envelope = min(1.0, i / (0.005 * RATE)) * math.exp(-3.0 * t / seconds)
        samples.append(value * envelope * volume)
    return samples


def silence(seconds: float) -> list[float]:
    return [0.0] * int(RATE * seconds)


def write(name: str, samples: list[float]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with wave.open(str(OUT / name), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        frames = b"".join(struct.pack("<h", int(max(-1.0, min(1.0, s)) * 32000)) for s in samples)
        out.writeframes(frames)


def main() -> None:
    write("check_in.wav", tone(880, 0.12) + tone(1320, 0.22))
    write("check_out.wav", tone(1320, 0.12) + tone(880, 0.22))
    write("duplicate.wav", tone(1000, 0.09, volume=0.35))
    write(
        "error.wav",
        tone(220, 0.16, shape="square") + silence(0.05) + tone(220, 0.16, shape="square"),
    )


if __name__ == "__main__":
    main()
