"""``l10n check --dask-scheduler ADDRESS``: the per-target check mapped over a Dask bag on an
existing ``dask.distributed`` cluster (the optional extra ``article-l10n[dask]``).

Targets are read here and shipped to the workers in batches (each worker builds its own judge
once per process and keeps its verdict cache); results come back in target order, so the
findings equal a single-process run's.
"""

from __future__ import annotations

import hashlib
import itertools
import pickle
from collections.abc import Iterator

from l10n.check.catalog_index import CatalogIndex
from l10n.errors import UsageError

__all__ = ["dask_results"]

_BATCH = 2048  # targets per bag: bounds memory on endless crawls
_PARTITION = 64  # targets per task


def dask_results(
    targets: Iterator[object], options: object, catalogs: CatalogIndex | None
) -> Iterator[object]:
    """Check ``targets`` on the cluster at ``options.dask_scheduler``, in order."""
    try:
        import dask.bag as db
        from distributed import Client
    except ModuleNotFoundError:
        raise UsageError("--dask-scheduler needs Dask",
                         hint="pip install 'article-l10n[dask]'") from None
    address = options.dask_scheduler  # type: ignore[attr-defined]
    try:
        client = Client(address, timeout="10s", set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {address}: {exc}",
                         hint="start it with `dask scheduler`, or check the address") from None
    run = hashlib.sha256(pickle.dumps((options, catalogs))).hexdigest()
    try:
        while True:
            batch = [_readable(t) for t in itertools.islice(targets, _BATCH)]
            if not batch:
                return
            bag = db.from_sequence(batch, partition_size=_PARTITION)
            mapped = bag.map_partitions(_check_partition, options, catalogs, run)
            yield from client.compute(mapped, sync=True)
    finally:
        client.close()


def _readable(target: object) -> object:
    """A target with its bytes loaded, so workers need no access to this machine's files."""
    from dataclasses import replace

    from l10n.check.run import Target

    assert isinstance(target, Target)
    return replace(target, data=target.read(), path=None)


_JUDGES: dict[str, object] = {}  # one judge per worker process and run (a cache)


def _check_partition(targets: list[object], options: object, catalogs: CatalogIndex | None,
                     run: str) -> list[object]:
    from l10n.check.run import _make_judge, check_target

    judge = _JUDGES.get(run)
    if judge is None:
        _JUDGES.clear()
        judge = _JUDGES[run] = _make_judge(options, catalogs)  # type: ignore[arg-type]
    return [check_target(t, options, judge) for t in targets]  # type: ignore[arg-type]
