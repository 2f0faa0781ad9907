using System.Collections.Concurrent;

namespace AuthingClient.Revocation;

/// <summary>
/// Revoked-token keys with the time each entry ends, in memory: what the in-memory registry holds
/// and what a replicated registry keeps as its local replica. Look-ups are lock-free and allocate
/// nothing, in constant time whatever the number of entries.
/// </summary>
internal sealed class RevocationSet
{
    private readonly ConcurrentDictionary<RevocationKey, long> _entries = new();

    /// <summary>How many entries are held, expired ones not yet purged included.</summary>
    public int Count => _entries.Count;

    /// <summary>Whether <paramref name="key"/> has an entry that ends after <paramref name="nowUnixMs"/>.</summary>
    public bool Contains(RevocationKey key, long nowUnixMs) =>
        _entries.TryGetValue(key, out var expiresAt) && expiresAt > nowUnixMs;

    /// <summary>Adds an entry, or extends one: the later end wins, so replaying an older entry never shortens it.</summary>
    /// <returns>Whether the set changed.</returns>
    public bool Add(RevocationKey key, long expiresAtUnixMs)
    {
        while (true)
        {
            if (_entries.TryAdd(key, expiresAtUnixMs))
            {
                return true;
            }

            if (!_entries.TryGetValue(key, out var current))
            {
                continue;
            }

            if (current >= expiresAtUnixMs)
            {
                return false;
            }

            if (_entries.TryUpdate(key, expiresAtUnixMs, current))
            {
                return true;
            }
        }
    }

    /// <summary>Removes the entries that ended at or before <paramref name="nowUnixMs"/>.</summary>
    public void Purge(long nowUnixMs)
    {
        foreach (var entry in _entries)
        {
            if (entry.Value <= nowUnixMs)
            {
                // Removes the entry only if it was not extended meanwhile.
                _entries.TryRemove(entry);
            }
        }
    }

    /// <summary>The entries still live at <paramref name="nowUnixMs"/>.</summary>
    public IEnumerable<KeyValuePair<RevocationKey, long>> Live(long nowUnixMs) =>
        _entries.Where(entry => entry.Value > nowUnixMs);
}
