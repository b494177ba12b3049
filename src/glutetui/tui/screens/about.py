"""About: why the gluteus medius is worth training, what it may help with, and training safely."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Markdown

from glutetui.tui.widgets.key_bar import KeyBar
from glutetui.tui.widgets.title_bar import TitleBar

ABOUT = """\
# Why the gluteus medius?

The gluteus medius sits on the outer side of your hip, between the larger gluteus maximus and
the smaller gluteus minimus. Its main job is to hold the pelvis and hip steady, most of all
when you stand on one leg, which you do at every step you walk or run. It is also the muscle
that lifts the leg out to the side (hip abduction).

## What a stronger gluteus medius can help with

- A steadier hip and pelvis when walking, running and doing single-leg work.
- Better alignment, for example less of the thigh drifting inwards as you move.
- Less strain that can end up as knee pain, lower back pain or pain at the side of the hip.
- A lower risk of some injuries, such as gluteus medius tendinopathy and hip bursitis.
- Better balance and coordination when you jump, run or change direction quickly.
- Less compensating by other areas (knees, lower back, ankles) for a weak hip.
- More strength to put into running, squats and jumps.

Public health guidance (the US CDC) includes muscle-strengthening and balance work in regular
activity because it helps people keep their balance and move well, especially with age.

## Two conditions you may have heard of

These notes are background, not a diagnosis. If something hurts, have it looked at.

**Gluteus medius tendinopathy** is an irritated, painful tendon where the muscle attaches at
the hip. It tends to hurt when walking, on stairs, lying on that side or standing for a long
time, and is common in runners, in people who sit a lot and in people who repeat the same
movement. It can be slow to settle. Care usually combines physiotherapy, gradual
strengthening, changes to daily habits and sometimes medication; the American Academy of
Orthopaedic Surgeons describes adjusting activity, physiotherapy for hip strength and
flexibility, and anti-inflammatory medicine when needed.

**"Dead butt syndrome"** is an informal name for a gluteus medius that is weak or does not
switch on well, often after long hours of sitting or from not engaging the glutes during
exercise. It can show up as hip or buttock discomfort when running, walking or climbing stairs
and can affect how the hip lines up. Strengthening the glutes and sitting less are the usual
remedies.

## How hard do the exercises work it?

Surface EMG studies express muscle activity as a percentage of a maximal voluntary isometric
contraction (% MVIC). Methods differ, so compare exercises within one study only.

- Side-lying hip abduction: 81 ± 42 % (Distefano et al. 2009, J Orthop Sports Phys Ther 39(7)).
- Clamshell: 40 ± 38 % and 38 ± 29 % for two variants (Distefano et al. 2009).
- Lateral band walk: 52 ± 18 % on the standing leg, 35 ± 16 % on the moving leg
  (Youdas et al. 2013, Physiother Theory Pract 29(2):113–123).
- Side plank: 74–103 % across studies (review table, Int J Sports Phys Ther 2014;9(2):157–167).

## Train safely

glutetui is a logbook and a coach for the doses you choose, not a clinician. Work with a
qualified professional (a physiotherapist or an experienced trainer) who can assess you and
shape a programme to your body and goals, above all if you have pain or an injury. Stop an
exercise that causes sharp pain and ask for advice before going on.
"""


class AboutScreen(Screen[None]):
    """The "why" behind glutetui, pushed over the current section; escape goes back."""

    TITLE = "About"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="about-back"),
    ]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="about-scroll"):
            yield Markdown(ABOUT, id="about-text")
        yield KeyBar()

    def on_mount(self) -> None:
        # Focus the text so the arrow keys and page keys scroll it.
        self.query_one("#about-scroll").focus()
