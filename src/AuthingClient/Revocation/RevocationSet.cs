using System.Collections.Concurrent;

namespace AuthingClient.Revocation;

/// <summary>
/// Revocation entries in memory: what the in-memory registry holds and what a replicated registry
/// keeps as its local replica. Token entries and user/session entries are held apart, so a token
/// entry costs one end time and a check of a JWT when no user or session was revoked costs one
/// look-up. Look-ups are lock-free and allocate nothing, in constant time whatever the size.
/// </summary>
internal sealed class RevocationSet
{
    private readonly ConcurrentDictionary<RevocationKey, long> _tokens = new();
    private readonly ConcurrentDictionary<RevocationKey, RevocationEntry> _subjects = new();
    private volatile bool _holdsSubjects;

    /// <summary>How many entries are held, ended ones not yet purged included.</summary>
    public int Count => _tokens.Count + _subjects.Count;

    /// <summary>
    /// Whether a user or session entry was ever added: until then a check skips those keys. Never
    /// cleared: a purge racing a mark could otherwise hide the entry just added.
    /// </summary>
    public bool HoldsSubjects => _holdsSubjects;

    /// <summary>The entry held for <paramref name="key"/>, ended or not.</summary>
    public RevocationEntry? Find(RevocationKey key)
    {
        if (key.Kind == RevocationKind.Token)
        {
            return _tokens.TryGetValue(key, out var expiresAt) ? new RevocationEntry(key, RevocationEntry.AnyIssueTime, expiresAt) : null;
        }

        return _subjects.TryGetValue(key, out var entry) ? entry : null;
    }

    /// <summary>Adds an entry, or merges it into the one held (<see cref="RevocationEntry.MergedWith"/>): replaying an older entry changes nothing.</summary>
    /// <returns>Whether the set changed.</returns>
    public bool Add(RevocationEntry entry) =>
        entry.Key.Kind == RevocationKind.Token ? AddToken(entry.Key, entry.ExpiresAtUnixMs) : AddSubject(entry);

    /// <summary>Removes the entries that ended at or before <paramref name="nowUnixMs"/>.</summary>
    public void Purge(long nowUnixMs)
    {
        foreach (var entry in _tokens)
        {
            if (entry.Value <= nowUnixMs)
            {
                // Removes the entry only if it was not extended meanwhile.
                _tokens.TryRemove(entry);
            }
        }

        foreach (var entry in _subjects)
        {
            if (entry.Value.ExpiresAtUnixMs <= nowUnixMs)
            {
                _subjects.TryRemove(entry);
            }
        }
    }

    /// <summary>The entries still live at <paramref name="nowUnixMs"/>.</summary>
    public IEnumerable<RevocationEntry> Live(long nowUnixMs) =>
        _tokens.Where(entry => entry.Value > nowUnixMs).Select(entry => new RevocationEntry(entry.Key, RevocationEntry.AnyIssueTime, entry.Value))
            .Concat(_subjects.Values.Where(entry => entry.ExpiresAtUnixMs > nowUnixMs));

    private bool AddToken(RevocationKey key, long expiresAtUnixMs)
    {
        while (true)
        {
            if (_tokens.TryAdd(key, expiresAtUnixMs))
            {
                return true;
            }

            if (!_tokens.TryGetValue(key, out var current))
            {
                continue;
            }

            if (current >= expiresAtUnixMs)
            {
                return false;
            }

            if (_tokens.TryUpdate(key, expiresAtUnixMs, current))
            {
                return true;
            }
        }
    }

    private bool AddSubject(RevocationEntry entry)
    {
        _holdsSubjects = true;
        while (true)
        {
            if (_subjects.TryAdd(entry.Key, entry))
            {
                return true;
            }

            if (!_subjects.TryGetValue(entry.Key, out var current))
            {
                continue;
            }

            var merged = current.MergedWith(entry);
            if (merged == current)
            {
                return false;
            }

            if (_subjects.TryUpdate(entry.Key, merged, current))
            {
                return true;
            }
        }
    }
}
