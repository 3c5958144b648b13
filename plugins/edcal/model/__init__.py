"""The plan model: plain data, independent of Pelican, click and file formats."""

from edcal.model.article import Article, ArticleStatus, Social, SocialOverride
from edcal.model.calendar import (
    BlogSettings,
    Calendar,
    Campaign,
    FreezeWindow,
    Idea,
    Offset,
    Person,
    PostEntry,
    PromotionDefaults,
    Recurrence,
    Tracking,
    Variant,
    When,
)
from edcal.model.network import Cadence, Network, Objective, Slot, TextLimit
from edcal.model.plan import Item, Media, Plan
from edcal.model.source import Source

__all__ = [
    "Article",
    "ArticleStatus",
    "BlogSettings",
    "Cadence",
    "Calendar",
    "Campaign",
    "FreezeWindow",
    "Idea",
    "Item",
    "Media",
    "Network",
    "Objective",
    "Offset",
    "Person",
    "Plan",
    "PostEntry",
    "PromotionDefaults",
    "Recurrence",
    "Slot",
    "Social",
    "SocialOverride",
    "Source",
    "TextLimit",
    "Tracking",
    "Variant",
    "When",
]
