package io.spool.web;

import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.RecyclerPool;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Jackson's buffers for handlers on fresh virtual threads: a thread-local pool would make new buffers for every
 * request, and one shared queue makes every core contend on its ends. Here a thread takes from and gives back to
 * a few slots, starting at one chosen by its id, so that threads running at once mostly touch different slots (an
 * atomic swap each way). With every slot empty it makes fresh buffers; with every slot full the returned buffers go
 * to the garbage collector, so the pool never holds more than its slots.
 */
final class StripedRecyclerPool implements RecyclerPool<BufferRecycler> {
    private static final long serialVersionUID = 1L;

    private final transient AtomicReferenceArray<BufferRecycler> slots;
    private final int mask;

    StripedRecyclerPool(int threads) {
        int size = Integer.highestOneBit(Math.max(1, threads) * 4 - 1) << 1;   // a power of two, >= 4 per thread
        this.slots = new AtomicReferenceArray<>(size);
        this.mask = size - 1;
    }

    @Override
    public BufferRecycler acquirePooled() {
        int first = slot();
        for (int i = 0; i <= mask; i++) {
            int at = (first + i) & mask;
            if (slots.get(at) != null) {   // a plain read first: a swap would claim the line for an empty slot
                BufferRecycler r = slots.getAndSet(at, null);
                if (r != null) {
                    return r;
                }
            }
        }
        return new BufferRecycler();
    }

    @Override
    public void releasePooled(BufferRecycler r) {
        int first = slot();
        for (int i = 0; i <= mask; i++) {
            int at = (first + i) & mask;
            if (slots.get(at) == null && slots.compareAndSet(at, null, r)) {
                return;
            }
        }
    }

    @Override
    public int pooledCount() {
        int n = 0;
        for (int i = 0; i < slots.length(); i++) {
            n += slots.get(i) != null ? 1 : 0;
        }
        return n;
    }

    @Override
    public boolean clear() {
        for (int i = 0; i < slots.length(); i++) {
            slots.set(i, null);
        }
        return true;
    }

    private int slot() {
        long id = Thread.currentThread().threadId();
        return (int) (id ^ (id >>> 16)) & mask;
    }

    /** A deserialised pool starts empty (buffers are not worth carrying across). */
    private Object readResolve() {
        return new StripedRecyclerPool((mask + 1) / 4);
    }
}
