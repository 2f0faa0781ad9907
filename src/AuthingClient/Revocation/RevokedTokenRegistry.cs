using AuthingClient.Configuration;

namespace AuthingClient.Revocation;

/// <summary>
/// The revocations local validators must honour (a JWT signature check alone keeps accepting a
/// revoked token until it expires): single tokens, every token of a user, every token of a session.
/// An <see cref="AuthenticationClient"/> given one (<see cref="AuthenticationClientOptions.RevokedTokenRegistry"/>,
/// or the one registered with dependency injection) marks every token it is asked to revoke;
/// <c>AddAuthingRevocationCheck</c> (package AuthingClient.AspNetCore) makes JwtBearer reject what it holds,
/// and that package's webhook and back-channel logout receivers feed it revocations made elsewhere.
/// </summary>
/// <remarks>
/// <para>
/// This class is the one extension point for stores: it does the input checks, the keys (see
/// <see cref="RevocationKey"/>; never a token), how long an entry lives and which entries a presented
/// token matches; a store implements only <see cref="FindAsync"/> and <see cref="StoreAsync"/>.
/// <see cref="InMemoryRevokedTokenRegistry"/> serves one process; packages AuthingClient.Redis (a
/// replica in every instance, no I/O per check) and AuthingClient.Caching (any <c>IDistributedCache</c>)
/// serve a fleet.
/// </para>
/// <para>
/// A token entry lives until the token's JWT <c>exp</c> plus <see cref="RevokedTokenRegistryOptions.ClockSkew"/>
/// when the token is a JWT whose <c>exp</c> can be read (read without validation: the registry only
/// needs to know how long to remember), otherwise for <see cref="RevokedTokenRegistryOptions.MaxTokenLifetime"/>
/// from the moment it is marked. A user or session entry lives until its time plus
/// <see cref="RevokedTokenRegistryOptions.MaxTokenLifetime"/> and the clock skew. An entry that
/// would already have ended is not stored.
/// </para>
/// </remarks>
public abstract class RevokedTokenRegistry
{
    private readonly TimeSpan _maxTokenLifetime;
    private readonly TimeSpan _clockSkew;

    /// <summary>Creates the shared part of a registry.</summary>
    /// <param name="options">How long entries live; <see langword="null"/> for the defaults. Copied: later changes are not seen.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for the system clock.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are out of range; the message names each setting.</exception>
    protected RevokedTokenRegistry(RevokedTokenRegistryOptions? options, TimeProvider? timeProvider)
    {
        options ??= new RevokedTokenRegistryOptions();
        ValidatedOptions.ThrowIfInvalid(RevokedTokenRegistryOptionsValidator.Instance, options);
        _maxTokenLifetime = options.MaxTokenLifetime;
        _clockSkew = options.ClockSkew;
        TimeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The clock entries expire by.</summary>
    private protected TimeProvider TimeProvider { get; }

    /// <summary>
    /// Whether the store may hold user or session entries; a store that knows it holds none lets a
    /// check skip their keys (and the JwtBearer check skip making them).
    /// </summary>
    internal virtual bool MayHoldSubjects => true;

    /// <summary>
    /// Throws when the store cannot tell, at <paramref name="nowUnixMs"/>, that a token it holds no
    /// entry for is not revoked (a replica not loaded, or cut off for too long): a check then fails
    /// closed. Asked once per check, with the check's own clock reading.
    /// </summary>
    internal virtual void ThrowIfCannotAnswer(long nowUnixMs)
    {
    }

    /// <summary>
    /// Whether the token must be rejected: it was marked revoked, or its user or session was revoked
    /// after it was issued, and the entry has not ended. The token's claims are read without
    /// validation: ask only about a token your validator has accepted otherwise.
    /// </summary>
    /// <param name="token">The token as presented (e.g. the bearer token of a request).</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns><see langword="true"/> when the token must be rejected.</returns>
    /// <exception cref="ArgumentException"><paramref name="token"/> is null or empty.</exception>
    public ValueTask<bool> IsRevokedAsync(string token, CancellationToken cancellationToken = default)
    {
        var found = FindRevocationAsync(PresentedToken.Read(token), cancellationToken);
        return found.IsCompletedSuccessfully ? new(found.Result is not null) : IsFoundAsync(found);
    }

    /// <summary>
    /// Remembers the token as revoked for as long as it could otherwise be accepted: until its JWT
    /// <c>exp</c> (plus clock skew) when it is a JWT, otherwise for <see cref="RevokedTokenRegistryOptions.MaxTokenLifetime"/>.
    /// </summary>
    /// <param name="token">The token to remember.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the mark is stored.</returns>
    /// <exception cref="ArgumentException"><paramref name="token"/> is null or empty; nothing is marked.</exception>
    public ValueTask MarkRevokedAsync(string token, CancellationToken cancellationToken = default)
    {
        var presented = PresentedToken.Read(token);
        var now = TimeProvider.GetUtcNow();
        var expiresAt = presented.ExpiresAt is { } exp
            ? (DateTimeOffset.MaxValue - exp > _clockSkew ? exp + _clockSkew : DateTimeOffset.MaxValue)
            : now + _maxTokenLifetime;
        return StoreIfLiveAsync(new RevocationEntry(presented.Token, revokedAt: null, expiresAt), now, cancellationToken);
    }

    /// <summary>
    /// Revokes every token of a user issued at or before <paramref name="revokedAt"/>: each JWT from
    /// <paramref name="issuer"/> whose <c>sub</c> is <paramref name="subject"/> (and whose <c>aud</c> holds
    /// <paramref name="audience"/>, when given) and whose <c>iat</c> is at or before it, in whole
    /// seconds (a JWT without <c>iat</c> counts as issued before). A token issued later is accepted:
    /// the user may sign in again. The entry lasts until <paramref name="revokedAt"/> plus
    /// <see cref="RevokedTokenRegistryOptions.MaxTokenLifetime"/> and the clock skew.
    /// </summary>
    /// <param name="issuer">The tokens' <c>iss</c>, e.g. <c>https://example.authing.cn/oidc</c>.</param>
    /// <param name="subject">The user's id: the tokens' <c>sub</c>.</param>
    /// <param name="revokedAt">When the user's sessions ended (usually now); not later than now plus the clock skew.</param>
    /// <param name="audience">Narrows the revocation to tokens for this audience (for Authing, an application id); <see langword="null"/> for every audience.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the revocation is stored.</returns>
    /// <exception cref="ArgumentException"><paramref name="issuer"/> or <paramref name="subject"/> is null or empty, or <paramref name="audience"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="revokedAt"/> is later than now plus the clock skew.</exception>
    public ValueTask RevokeUserAsync(string issuer, string subject, DateTimeOffset revokedAt, string? audience = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(issuer);
        ArgumentException.ThrowIfNullOrEmpty(subject);
        if (audience is not null)
        {
            ArgumentException.ThrowIfNullOrEmpty(audience);
        }

        return RevokeSubjectAsync(RevocationKey.OfUser(issuer, subject, audience), revokedAt, cancellationToken);
    }

    /// <summary>
    /// Revokes every token of a session issued at or before <paramref name="revokedAt"/>: each JWT from
    /// <paramref name="issuer"/> whose <c>sid</c> is <paramref name="sessionId"/> (OpenID Connect
    /// Back-Channel Logout 1.0), with the same rules as <see cref="RevokeUserAsync"/>.
    /// </summary>
    /// <param name="issuer">The tokens' <c>iss</c>.</param>
    /// <param name="sessionId">The session id: the tokens' <c>sid</c>.</param>
    /// <param name="revokedAt">When the session ended (usually now); not later than now plus the clock skew.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the revocation is stored.</returns>
    /// <exception cref="ArgumentException"><paramref name="issuer"/> or <paramref name="sessionId"/> is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="revokedAt"/> is later than now plus the clock skew.</exception>
    public ValueTask RevokeSessionAsync(string issuer, string sessionId, DateTimeOffset revokedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(issuer);
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        return RevokeSubjectAsync(RevocationKey.OfSession(issuer, sessionId), revokedAt, cancellationToken);
    }

    /// <summary>
    /// What revokes a presented token, if anything: its own entry, its session's or its user's (any
    /// audience, then each of its audiences). Answers without allocating when the store does.
    /// </summary>
    /// <returns>The kind of entry that matched; <see langword="null"/> when the token is not revoked.</returns>
    internal ValueTask<RevocationKind?> FindRevocationAsync(PresentedToken token, CancellationToken cancellationToken)
    {
        var now = TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        ThrowIfCannotAnswer(now);
        var subjects = MayHoldSubjects;
        for (var i = 0; NextCandidate(token, subjects, ref i, out var key); i++)
        {
            var found = FindAsync(key, cancellationToken);
            if (!found.IsCompletedSuccessfully)
            {
                return ContinueAsync(token, subjects, i, key, found, now, cancellationToken);
            }

            if (found.Result is { } entry && entry.Revokes(token.IssuedAt, now))
            {
                return new(key.Kind);
            }
        }

        return new((RevocationKind?)null);
    }

    /// <summary>Looks up the entry stored for a key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>The entry, ended or not (the registry compares its end with its own clock); <see langword="null"/> when there is none.</returns>
    protected abstract ValueTask<RevocationEntry?> FindAsync(RevocationKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Stores an entry. When one is stored for the same key already, keep the later
    /// <see cref="RevocationEntry.RevokedAt"/> and the later <see cref="RevocationEntry.ExpiresAt"/>
    /// where the store can (a store that simply replaces is right whenever entries arrive in time order,
    /// as the library's do).
    /// </summary>
    /// <param name="entry">The entry; it ends in the future.</param>
    /// <param name="timeToLive">The same end, relative to now by the registry's clock: for stores with their own clock.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the entry is stored.</returns>
    protected abstract ValueTask StoreAsync(RevocationEntry entry, TimeSpan timeToLive, CancellationToken cancellationToken);

    /// <summary>The keys a presented token is looked up by, in order, from <paramref name="index"/> on.</summary>
    private static bool NextCandidate(in PresentedToken token, bool subjects, ref int index, out RevocationKey key)
    {
        key = default;
        if (index == 0)
        {
            key = token.Token;
            return true;
        }

        if (!subjects)
        {
            return false;
        }

        // 1 session, 2 user, 3 user and first audience, 4.. user and each further audience.
        for (; index < 4; index++)
        {
            var candidate = index switch
            {
                1 => token.Session,
                2 => token.User,
                _ => token.UserAudience,
            };
            if (candidate is { } present)
            {
                key = present;
                return true;
            }
        }

        var more = token.MoreUserAudiences;
        if (more is not null && index - 4 < more.Length)
        {
            key = more[index - 4];
            return true;
        }

        return false;
    }

    private async ValueTask<RevocationKind?> ContinueAsync(PresentedToken token, bool subjects, int index, RevocationKey key, ValueTask<RevocationEntry?> pending, long now, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await pending.ConfigureAwait(false) is { } entry && entry.Revokes(token.IssuedAt, now))
            {
                return key.Kind;
            }

            index++;
            if (!NextCandidate(token, subjects, ref index, out key))
            {
                return null;
            }

            pending = FindAsync(key, cancellationToken);
        }
    }

    private static async ValueTask<bool> IsFoundAsync(ValueTask<RevocationKind?> pending) => await pending.ConfigureAwait(false) is not null;

    private ValueTask RevokeSubjectAsync(RevocationKey key, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        var now = TimeProvider.GetUtcNow();
        if (revokedAt > now + _clockSkew)
        {
            throw new ArgumentOutOfRangeException(nameof(revokedAt), "A revocation time may not be later than now plus the registry's clock skew.");
        }

        return StoreIfLiveAsync(new RevocationEntry(key, revokedAt, revokedAt + _maxTokenLifetime + _clockSkew), now, cancellationToken);
    }

    private ValueTask StoreIfLiveAsync(RevocationEntry entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var timeToLive = entry.ExpiresAt - now;
        return timeToLive > TimeSpan.Zero ? StoreAsync(entry, timeToLive, cancellationToken) : ValueTask.CompletedTask;
    }
}
