using AuthingClient.AspNetCore;
using AuthingClient.Redis;
using AuthingClient.Revocation;
using BenchmarkDotNet.Attributes;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AuthingClient.Benchmarks.Fleet;

/// <summary>
/// Suite 5 (issue 11): one revocation check as the JwtBearer check makes it, against the replicated
/// registry's local replica holding 10,000 or 1,000,000 live entries, for a token that is not
/// revoked (the common case: the whole look-up runs) and one that is; beside it, in the same run,
/// <see cref="JwtValidationBenchmarks"/> measures, in the same run, what JwtBearer spends validating
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
    private JsonWebToken? _parsed;
    private JsonWebToken? _parsedRevoked;

    [Params(10_000, 1_000_000)]
    public int Entries { get; set; }

    [Params(CheckedToken.JwtWithJwtId, CheckedToken.JwtWithoutJwtId, CheckedToken.Opaque)]
    public CheckedToken Token { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // A replica that has loaded and is connected, filled directly: the check never asks Redis.
        _registry = new RedisRevokedTokenRegistry(new RedisRevokedTokenRegistryOptions { Redis = "127.0.0.1:1" }, null, null, null);
        var end = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds();
        for (var i = 0; i < Entries - 1; i++)
        {
            _registry.Replica.Add(RevocationKey.Of("revoked-" + i), end);
        }

        _token = _tokens.Create(Token);
        _revoked = _tokens.Create(Token);
        _registry.Replica.Add(RevocationKey.Of(_revoked), end);
        _registry.Status.SetLoaded();
        _registry.Status.Synced();
        _parsed = Token == CheckedToken.Opaque ? null : new JsonWebToken(_token);
        _parsedRevoked = Token == CheckedToken.Opaque ? null : new JsonWebToken(_revoked);
        for (var i = 0; i < 10_000; i++)
        {
            _ = Check();
        }
    }

    [Benchmark]
    public bool Check() => Answer(_registry.IsRevokedAsync(_token));

    /// <summary>A token that is revoked: the look-up succeeds (the JwtBearer path).</summary>
    [Benchmark]
    public bool CheckRevokedAsJwtBearer() => RevocationCheck.KeyOf(_parsedRevoked) is { } key
        ? Answer(_registry.IsRevokedAsync(key, CancellationToken.None))
        : Answer(_registry.IsRevokedAsync(_revoked));

    /// <summary>What the JwtBearer check does: the key from the parsed token's claims when it has a <c>jti</c>, else from the raw token.</summary>
    [Benchmark]
    public bool CheckAsJwtBearer() => RevocationCheck.KeyOf(_parsed) is { } key
        ? Answer(_registry.IsRevokedAsync(key, CancellationToken.None))
        : Answer(_registry.IsRevokedAsync(_token));

    /// <summary>The replica answers synchronously; anything else would be a bug this benchmark should show.</summary>
    private static bool Answer(ValueTask<bool> check) =>
        check.IsCompletedSuccessfully ? check.Result : throw new InvalidOperationException("The replica check did not complete synchronously.");

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
