using AuthingClient.Jwt;

namespace AuthingClient.Revocation;

/// <summary>
/// What a registry needs to know of a token to tell whether it is revoked, read once: the key of the
/// token itself, and, for a JWT, the keys of its user (with each audience) and session and when it
/// was issued, which per-user and per-session revocations match; and when it expires, which says
/// how long a mark must be remembered.
/// </summary>
internal readonly struct PresentedToken
{
    /// <summary>The token's own key.</summary>
    public RevocationKey Token { get; init; }

    /// <summary>The JWT's <c>iat</c> in Unix seconds; <see langword="null"/> when absent (it then counts as issued before any revocation time).</summary>
    public long? IssuedAt { get; init; }

    /// <summary>The JWT's <c>exp</c>, read without validation; <see langword="null"/> when absent or unreadable.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Issuer and <c>sid</c>, when the JWT has a session id.</summary>
    public RevocationKey? Session { get; init; }

    /// <summary>Issuer and <c>sub</c>, when the JWT has a subject.</summary>
    public RevocationKey? User { get; init; }

    /// <summary>Issuer, <c>sub</c> and the first audience, when the JWT has both.</summary>
    public RevocationKey? UserAudience { get; init; }

    /// <summary>Issuer, <c>sub</c> and each further audience of a JWT with several (rare: allocated only then).</summary>
    public RevocationKey[]? MoreUserAudiences { get; init; }

    /// <summary>Reads a token as presented, without validating it (see <see cref="JwtPayloadReader"/>).</summary>
    /// <exception cref="ArgumentException"><paramref name="token"/> is null or empty.</exception>
    public static PresentedToken Read(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        return JwtPayloadReader.Read<PresentedToken, KeysFromClaims>(token, default);
    }

    /// <summary>
    /// The same facts from claims a validator has already read (JwtBearer): no second decoding of the
    /// payload. Gives the keys <see cref="Read"/> gives the raw token.
    /// </summary>
    /// <param name="encodedToken">The compact JWS, for the signed-part key of a JWT without <c>jti</c>.</param>
    /// <param name="issuer">The <c>iss</c> claim, empty when absent.</param>
    /// <param name="jwtId">The <c>jti</c> claim when it is a non-empty string.</param>
    /// <param name="subject">The <c>sub</c> claim when present.</param>
    /// <param name="audiences">The <c>aud</c> claim's values.</param>
    /// <param name="sessionId">The <c>sid</c> claim when it is a non-empty string.</param>
    /// <param name="issuedAt">The <c>iat</c> claim in Unix seconds, when present.</param>
    /// <param name="withSubjects">Whether to make the user and session keys: not when the registry holds no such entry.</param>
    public static PresentedToken FromClaims(string encodedToken, string issuer, string? jwtId, string? subject, IReadOnlyList<string> audiences, string? sessionId, long? issuedAt, bool withSubjects)
    {
        RevocationKey token;
        if (jwtId is { Length: > 0 })
        {
            token = RevocationKey.OfJwtId(issuer, jwtId);
        }
        else
        {
            token = CompactJws.TrySplit(encodedToken, out var signedPart, out _)
                ? RevocationKey.OfSignedPart(signedPart)
                : RevocationKey.OfWholeToken(encodedToken);
        }

        RevocationKey? user = null, userAudience = null;
        RevocationKey[]? more = null;
        if (withSubjects && subject is { Length: > 0 } && issuer.Length > 0)
        {
            if (audiences.Count > 0)
            {
                RevocationKey.OfUserAndAudience(issuer, subject, audiences[0], out var userKey, out var audienceKey);
                (user, userAudience) = (userKey, audienceKey);
            }
            else
            {
                user = RevocationKey.OfUser(issuer, subject, null);
            }

            if (audiences.Count > 1)
            {
                more = new RevocationKey[audiences.Count - 1];
                for (var i = 1; i < audiences.Count; i++)
                {
                    more[i - 1] = RevocationKey.OfUser(issuer, subject, audiences[i]);
                }
            }
        }

        return new PresentedToken
        {
            Token = token,
            IssuedAt = issuedAt,
            Session = withSubjects && sessionId is { Length: > 0 } && issuer.Length > 0 ? RevocationKey.OfSession(issuer, sessionId) : null,
            User = user,
            UserAudience = userAudience,
            MoreUserAudiences = more,
        };
    }

    /// <summary>The keys of a token read by <see cref="JwtPayloadReader"/>.</summary>
    private readonly struct KeysFromClaims : IJwtClaimsConsumer<PresentedToken>
    {
        public PresentedToken Claims(in JwtClaims claims, ReadOnlySpan<char> signedPart)
        {
            var issuer = claims.Issuer;
            var subject = claims.Subject;
            RevocationKey? user = null, userAudience = null;
            RevocationKey[]? more = null;
            if (!issuer.IsEmpty && !subject.IsEmpty)
            {
                user = RevocationKey.OfUser(issuer, subject, default, hasAudience: false);
                if (claims.AudienceCount > 0)
                {
                    userAudience = RevocationKey.OfUser(issuer, subject, claims.Audience(0), hasAudience: !claims.Audience(0).IsEmpty);
                }

                if (claims.AudienceCount > 1)
                {
                    more = new RevocationKey[claims.AudienceCount - 1];
                    for (var i = 1; i < claims.AudienceCount; i++)
                    {
                        more[i - 1] = RevocationKey.OfUser(issuer, subject, claims.Audience(i), hasAudience: !claims.Audience(i).IsEmpty);
                    }
                }
            }

            return new PresentedToken
            {
                Token = claims.JwtId.IsEmpty ? RevocationKey.OfSignedPart(signedPart) : RevocationKey.OfJwtId(issuer, claims.JwtId),
                IssuedAt = claims.IssuedAt,
                ExpiresAt = claims.ExpiresAt is { } exp ? DateTimeOffset.FromUnixTimeSeconds(exp) : null,
                User = user,
                UserAudience = userAudience,
                MoreUserAudiences = more,
                Session = !issuer.IsEmpty && !claims.SessionId.IsEmpty ? RevocationKey.OfSession(issuer, claims.SessionId) : null,
            };
        }

        public PresentedToken Unreadable(ReadOnlySpan<char> signedPart) => new() { Token = RevocationKey.OfSignedPart(signedPart) };

        public PresentedToken NotAJws(ReadOnlySpan<char> token) => new() { Token = RevocationKey.OfWholeToken(token) };
    }
}
