"""Item categories: a two-level tree with sensible defaults for a charity shop."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.schema import ItemCategory

# Chinese defaults: the names staff see and print on labels; editable in Settings.
DEFAULT_TREE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("服装", ("上衣", "裤装", "裙装", "外套", "童装", "其他服装")),
    ("鞋包配饰", ("鞋", "包", "帽子围巾", "首饰配饰")),
    ("图书音像", ("儿童图书", "文学", "教材教辅", "其他图书", "音像制品")),
    ("家居用品", ("厨具餐具", "床品布艺", "装饰摆件", "收纳")),
    ("电器数码", ("小家电", "手机电脑", "其他数码")),
    ("玩具文具", ("玩具", "文具", "体育用品")),
    ("母婴用品", ("婴儿用品", "童车座椅")),
    ("其他", ("其他",)),
)


@dataclass(frozen=True)
class CategoryNode:
    id: uuid.UUID
    name: str
    parent_id: uuid.UUID | None
    path: str


def seed_defaults(session: Session) -> int:
    """Create the default tree if there are no categories yet; returns rows created."""
    if session.scalar(select(ItemCategory.id).limit(1)) is not None:
        return 0
    created = 0
    for order, (top_name, children) in enumerate(DEFAULT_TREE):
        top = ItemCategory(name=top_name, sort_order=order)
        session.add(top)
        session.flush()
        created += 1
        for child_order, child_name in enumerate(children):
            session.add(ItemCategory(name=child_name, parent_id=top.id, sort_order=child_order))
            created += 1
    session.flush()
    return created


def leaf_categories(session: Session) -> list[CategoryNode]:
    """Second-level categories (what items are filed under), as 'top › leaf' paths."""
    rows = session.execute(
        select(ItemCategory).where(ItemCategory.active.is_(True)).order_by(ItemCategory.sort_order)
    ).scalars()
    by_id = {row.id: row for row in rows}
    nodes = []
    for row in by_id.values():
        if row.parent_id is None:
            continue
        parent = by_id.get(row.parent_id)
        path = f"{parent.name} › {row.name}" if parent else row.name
        nodes.append(CategoryNode(row.id, row.name, row.parent_id, path))
    return nodes


def top_categories(session: Session) -> list[CategoryNode]:
    rows = session.scalars(
        select(ItemCategory)
        .where(ItemCategory.active.is_(True), ItemCategory.parent_id.is_(None))
        .order_by(ItemCategory.sort_order)
    )
    return [CategoryNode(row.id, row.name, None, row.name) for row in rows]
