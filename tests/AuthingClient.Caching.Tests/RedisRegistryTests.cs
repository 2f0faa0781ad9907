using System.Net;
using System.Text;
using AuthingClient.Caching;
using AuthingClient.TestSupport;
using AuthingClient.Revocation;
using Microsoft.Extensions.DependencyInjection;

namespace AuthingClient.Caching.Tests;

/// <summary>
/// The registry over <c>IDistributedCache</c> backed by a real Redis server
/// (Microsoft.Extensions.Caching.StackExchangeRedis): every instance of a farm sees a revocation
/// made by any one of them, and Redis never holds the token.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class RedisRegistryTests(RedisServer redis)
{
    private readonly string _instanceName = $"registry-tests-{Guid.NewGuid():N}:";

    [RedisFact]
    public async Task TwoInstancesSharingRedis_TokenRevokedThroughA_IsRejectedByB()
    {
        using var authing = AuthingServer.Answering(AuthingAnswer.Revoked);
        await using var instanceA = await StartInstanceAsync(authing);
        await using var instanceB = await StartInstanceAsync(authing);
        var token = TestTokens.Jwt();
        var unrelated = TestTokens.Jwt();
        Assert.Equal(HttpStatusCode.OK, await instanceB.GetMeAsync(token));

        Assert.True(await instanceA.AuthingClient().RevokeTokenAsync(token));

        Assert.Equal(
            (HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.OK),
            (await instanceB.GetMeAsync(token), await instanceA.GetMeAsync(token), await instanceB.GetMeAsync(unrelated)));
        Assert.IsType<DistributedRevokedTokenRegistry>(instanceB.Services.GetRequiredService<RevokedTokenRegistry>());
    }

    [RedisFact]
    public async Task AfterRevocations_NoRedisKeyOrValueHoldsTheToken_KeysHoldItsSha256()
    {
        using var authing = AuthingServer.Answering(AuthingAnswer.Revoked);
        await using var instance = await StartInstanceAsync(authing);
        string[] tokens = [TestTokens.Jwt(), TestTokens.Opaque(), "opaque a+b/c=d&e f%g~ü " + Guid.NewGuid().ToString("N")];
        foreach (var token in tokens)
        {
            await instance.AuthingClient().RevokeTokenAsync(token);
        }

        var dump = await redis.DumpAsync();

        Assert.All(tokens, token =>
        {
            Assert.Contains(dump, entry => entry.Key.Contains(RevocationKey.Of(token).ToString(), StringComparison.Ordinal));
            foreach (var form in EncodedForms(token))
            {
                Assert.DoesNotContain(dump, entry => entry.Key.Contains(form, StringComparison.Ordinal) || entry.Content.Contains(form, StringComparison.Ordinal));
            }
        });
    }

    [RedisFact]
    public async Task MarkedToken_RedisDropsTheEntryByItself()
    {
        using var authing = AuthingServer.Answering(AuthingAnswer.Revoked);
        await using var instance = await StartInstanceAsync(authing);
        var token = TestTokens.Jwt(DateTime.UtcNow.AddMinutes(10), DateTime.UtcNow);
        await instance.AuthingClient().RevokeTokenAsync(token);

        var key = Assert.Single(await redis.DumpAsync(), entry => entry.Key.Contains(RevocationKey.Of(token).ToString(), StringComparison.Ordinal)).Key;
        var timeToLive = await redis.Connection.GetDatabase().KeyTimeToLiveAsync(key);

        // exp (10 minutes) plus the default clock skew (5 minutes), counted from the revocation.
        Assert.InRange(timeToLive ?? TimeSpan.Zero, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(15));
    }

    /// <summary>The token as it might leak: as is, base64 and base64url of its UTF-8, URL- and form-encoded.</summary>
    private static IEnumerable<string> EncodedForms(string token)
    {
        var utf8 = Encoding.UTF8.GetBytes(token);
        return new[]
        {
            token,
            Convert.ToBase64String(utf8),
            Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(utf8),
            Uri.EscapeDataString(token),
            WebUtility.UrlEncode(token),
        }.Distinct();
    }

    /// <summary>One instance of the service farm: its own Authing client and JwtBearer app, the registry in the shared Redis.</summary>
    private Task<ProtectedApi> StartInstanceAsync(AuthingServer authing) => ProtectedApi.StartAsync(services =>
    {
        services.AddStackExchangeRedisCache(o => (o.Configuration, o.InstanceName) = (redis.Configuration, _instanceName));
        services.AddAuthingAuthenticationClient(o => authing.Configure(o));
        services.AddAuthingDistributedRevokedTokenRegistry();
    });
}
