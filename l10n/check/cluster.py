"""``l10n check --dask-scheduler ADDRESS``: the per-target check mapped over a Dask bag on an
existing ``dask.distributed`` cluster (the optional extra ``article-l10n[dask]``).

Targets are read here and shipped to the workers in batches (each worker builds its own judge
once per process and keeps its verdict cache); results come back in target order, so the
findings equal a single-process run's.
"""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import pickle
from collections.abc import Iterator

from l10n.check.catalog_index import CatalogIndex
from l10n.check.job import check_target, make_judge
from l10n.errors import L10nError, UsageError
from l10n.readers.targets import Target

__all__ = ["dask_results"]

_BATCH = 2048  # targets per bag: bounds memory on endless crawls
_PARTITION = 64  # targets per task


def dask_results(
    targets: Iterator[object], options: object, catalogs: CatalogIndex | None
) -> Iterator[object]:
    """Check ``targets`` on the cluster at ``options.dask_scheduler``, in order."""
    try:
        import dask.bag as db
    except ModuleNotFoundError:
        raise UsageError("--dask-scheduler needs Dask",
                         hint="pip install 'article-l10n[dask]'") from None
    client = _client(options.dask_scheduler)  # type: ignore[attr-defined]
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


def _client(address: str) -> object:
    """A client of the scheduler at ``address``. A malformed address, or a host that refuses
    the connection, fails at once (distributed would retry until its timeout)."""
    import socket

    from distributed import Client
    from distributed.comm.addressing import parse_address, parse_host_port
    from distributed.comm.registry import backends

    def unreachable(problem: object) -> UsageError:
        return UsageError(f"cannot reach the Dask scheduler at {address}: {problem}",
                          hint="start it with `dask scheduler`, or check the address")

    try:
        scheme, location = parse_address(address.strip())
        if scheme not in backends:
            raise ValueError(f"unknown scheme {scheme!r}")
        host, port = parse_host_port(location) if scheme in _SOCKETS else ("", 0)
    except ValueError as exc:
        raise UsageError(f"not a Dask scheduler address: {address!r} ({exc})",
                         hint="give tcp://HOST:PORT, e.g. tcp://127.0.0.1:8786") from None
    if scheme in _SOCKETS:
        try:
            socket.create_connection((host or "127.0.0.1", port), timeout=5).close()
        except OSError as exc:
            raise unreachable(exc.strerror or str(exc) or "timed out") from None
    try:
        # The handshake alone first: a Client that fails half-built hangs for 20 s on exit.
        asyncio.run(_handshake(address))
        return Client(address, timeout="10s", set_as_default=False)
    except TimeoutError:
        raise unreachable("no answer within 10 s") from None
    except Exception as exc:  # noqa: BLE001 - whatever a peer that is no scheduler causes
        raise unreachable(_reason(exc)) from None


async def _handshake(address: str) -> None:
    """Connect to ``address`` and exchange distributed's handshake, then hang up."""
    from distributed.comm import connect

    comm = await asyncio.wait_for(connect(address, timeout="10s"), 10)
    await comm.close()


def _reason(exc: BaseException) -> str:
    """One line for a failed connection (a peer speaking another protocol can make
    distributed try to allocate exabytes)."""
    text = " ".join(str(exc).split())
    if isinstance(exc, MemoryError) or len(text) > 200:
        return "it does not speak the Dask protocol"
    return text or type(exc).__name__


_SOCKETS = ("tcp", "tls", "ws", "wss")  # schemes with a host and port to try first


def _readable(target: object) -> object:
    """A target with its bytes loaded, so workers need no access to this machine's files."""
    from dataclasses import replace

    assert isinstance(target, Target)
    try:
        return replace(target, data=target.read(), path=None)
    except L10nError as error:
        return replace(target, path=None, error=error)  # reported in its turn


_JUDGES: dict[str, object] = {}  # one judge per worker process and run (a cache)


def _check_partition(targets: list[object], options: object, catalogs: CatalogIndex | None,
                     run: str) -> list[object]:
    judge = _JUDGES.get(run)
    if judge is None:
        _JUDGES.clear()
        judge = _JUDGES[run] = make_judge(options, catalogs, many=True)  # type: ignore[arg-type]
    return [check_target(t, options, judge) for t in targets]  # type: ignore[arg-type]
