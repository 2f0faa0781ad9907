using System.Globalization;
using AuthingClient.AspNetCore;
using AuthingClient.Redis;
using AuthingClient.Revocation;
using BenchmarkDotNet.Attributes;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AuthingClient.Benchmarks.Fleet;

/// <summary>
/// Suite 5 (issues 11 and 18): one revocation check as the JwtBearer check makes it, against the
/// replicated registry's local replica holding 10,000 or 1,000,000 live token entries and none or
/// 100,000 revoked users (half of them narrowed to the token's audience), for a token that is not
/// revoked (the common case: every look-up runs), one that is, and one whose user is; beside it, in
/// the same run, <see cref="JwtValidationBenchmarks"/> measures what JwtBearer spends validating
/// such a JWT (the reference: the check should be a small part of it).
/// <see cref="Check"/> asks with the raw token, as any validator can; <see cref="CheckAsJwtBearer"/>
/// asks as the JwtBearer check does, from the token JwtBearer has already parsed.
/// </summary>
[Config(typeof(CheckConfig))]
public class RevocationCheckBenchmarks : IDisposable
{
    private readonly FleetTokens _tokens = new();
    private RedisRevokedTokenRegistry _registry = null!;
    private string _token = null!;
    private string _revoked = null!;
    private PresentedToken? _parsed;
    private JsonWebToken? _jwt;
    private PresentedToken? _parsedRevoked;
    private PresentedToken? _parsedRevokedUser;

    [Params(10_000, 1_000_000)]
    public int Entries { get; set; }

    [Params(0, 100_000)]
    public int Users { get; set; }

    [Params(CheckedToken.JwtWithJwtId, CheckedToken.JwtWithoutJwtId, CheckedToken.Opaque)]
    public CheckedToken Token { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // A replica that has loaded and is connected, filled directly: the check never asks Redis.
        _registry = new RedisRevokedTokenRegistry(new RedisRevokedTokenRegistryOptions { Redis = "127.0.0.1:1" }, null, null, null);
        var now = DateTimeOffset.UtcNow;
        var end = now.AddHours(1).ToUnixTimeMilliseconds();
        for (var i = 0; i < Entries - 1; i++)
        {
            _registry.Replica.Add(new RevocationEntry(RevocationKey.Of("revoked-" + i), RevocationEntry.AnyIssueTime, end));
        }

        for (var i = 0; i < Users; i++)
        {
            var audience = i % 2 == 0 ? FleetTokens.Audience : null;
            var user = RevocationKey.OfUser(FleetTokens.Issuer, "revoked-user-" + i.ToString(CultureInfo.InvariantCulture), audience);
            _registry.Replica.Add(new RevocationEntry(user, now.ToUnixTimeSeconds(), end));
        }

        _token = _tokens.Create(Token);
        _revoked = _tokens.Create(Token);
        _registry.Replica.Add(new RevocationEntry(RevocationKey.Of(_revoked), RevocationEntry.AnyIssueTime, end));
        var revokedUser = _tokens.Create(Token, subject: "revoked-user-0");
        _registry.Status.SetLoaded();
        _registry.Status.Synced();
        _jwt = Token == CheckedToken.Opaque ? null : new JsonWebToken(_token);
        _parsed = RevocationCheck.Presented(_jwt) ?? PresentedToken.Read(_token);
        _parsedRevoked = RevocationCheck.Presented(Token == CheckedToken.Opaque ? null : new JsonWebToken(_revoked)) ?? PresentedToken.Read(_revoked);
        _parsedRevokedUser = RevocationCheck.Presented(Token == CheckedToken.Opaque ? null : new JsonWebToken(revokedUser)) ?? PresentedToken.Read(revokedUser);
        for (var i = 0; i < 10_000; i++)
        {
            _ = Check();
            _ = CheckAsJwtBearer();
        }
    }

    [Benchmark]
    public bool Check() => Answer(_registry.IsRevokedAsync(_token));

    /// <summary>What the JwtBearer check does: the keys from the parsed token's claims, then the look-ups.</summary>
    [Benchmark]
    public bool CheckAsJwtBearer() => Answer(_registry.FindRevocationAsync(RevocationCheck.Presented(_jwt) ?? _parsed!.Value, CancellationToken.None));

    /// <summary>A token that is revoked: the first look-up succeeds.</summary>
    [Benchmark]
    public bool CheckRevokedAsJwtBearer() => Answer(_registry.FindRevocationAsync(_parsedRevoked!.Value, CancellationToken.None));

    /// <summary>A token whose user is revoked (the keys already read): the user look-up succeeds.</summary>
    [Benchmark]
    public bool CheckRevokedUser() => Answer(_registry.FindRevocationAsync(_parsedRevokedUser!.Value, CancellationToken.None));

    /// <summary>The replica answers synchronously; anything else would be a bug this benchmark should show.</summary>
    private static bool Answer(ValueTask<bool> check) =>
        check.IsCompletedSuccessfully ? check.Result : throw new InvalidOperationException("The replica check did not complete synchronously.");

    private static bool Answer(ValueTask<RevocationKind?> check) =>
        check.IsCompletedSuccessfully ? check.Result is not null : throw new InvalidOperationException("The replica check did not complete synchronously.");

    [GlobalCleanup]
    public void Cleanup() => _registry.Dispose();

    public void Dispose()
    {
        _tokens.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>Suite 5's reference: JwtBearer's own validation of an RS256 access token (JsonWebTokenHandler).</summary>
[Config(typeof(CheckConfig))]
public class JwtValidationBenchmarks : IDisposable
{
    private readonly FleetTokens _tokens = new();
    private readonly JsonWebTokenHandler _handler = new();
    private Microsoft.IdentityModel.Tokens.TokenValidationParameters _parameters = null!;
    private string _token = null!;

    [Params(CheckedToken.JwtWithJwtId, CheckedToken.JwtWithoutJwtId)]
    public CheckedToken Token { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Built once, as JwtBearer builds its parameters once: the key's signature provider is cached.
        _parameters = _tokens.ValidationParameters();
        _token = _tokens.Create(Token);
    }

    [Benchmark]
    public bool ValidateJwt() => _handler.ValidateTokenAsync(_token, _parameters).GetAwaiter().GetResult().IsValid;

    public void Dispose()
    {
        _tokens.Dispose();
        GC.SuppressFinalize(this);
    }
}
