using AuthingClient.Redis;
using AuthingClient.Revocation;
using BenchmarkDotNet.Attributes;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AuthingClient.Benchmarks.Fleet;

/// <summary>
/// Suite 5 (issue 11): one revocation check as the JwtBearer check makes it, against the replicated
/// registry's local replica holding 10,000 or 1,000,000 live entries, for a token that is not
/// revoked (the common case: the whole look-up runs) and one that is; beside it, in the same run,
/// what JwtBearer spends validating the same JWT (the reference: the check should be a small part of it).
/// </summary>
[Config(typeof(CheckConfig))]
public class RevocationCheckBenchmarks : IDisposable
{
    private readonly FleetTokens _tokens = new();
    private RedisRevokedTokenRegistry _registry = null!;
    private string _token = null!;
    private string _revoked = null!;
    private JsonWebTokenHandler _handler = null!;

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
        _handler = new JsonWebTokenHandler();
        for (var i = 0; i < 10_000; i++)
        {
            _ = Check();
        }
    }

    [Benchmark]
    public bool Check() => Answer(_registry.IsRevokedAsync(_token));

    [Benchmark]
    public bool CheckRevoked() => Answer(_registry.IsRevokedAsync(_revoked));

    /// <summary>The reference: JwtBearer's own validation of the same token (JWTs only).</summary>
    [Benchmark]
    public bool ValidateJwt() =>
        Token != CheckedToken.Opaque && _handler.ValidateTokenAsync(_token, _tokens.ValidationParameters()).GetAwaiter().GetResult().IsValid;

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
