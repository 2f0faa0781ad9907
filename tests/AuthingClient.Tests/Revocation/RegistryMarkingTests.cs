using AuthingClient.TestSupport;
using AuthingClient.Revocation;

namespace AuthingClient.Tests.Revocation;

/// <summary>
/// The client marks its registry: by default as soon as revocation is requested, whatever Authing
/// answers (fail-closed); with <see cref="RevokedTokenMarking.WhenConfirmed"/> only after Authing revoked.
/// </summary>
public sealed class RegistryMarkingTests
{
    public static TheoryData<RevokedTokenMarking, AuthingAnswer, bool> MarkedOrNot => new()
    {
        { RevokedTokenMarking.WhenRequested, AuthingAnswer.Revoked, true },
        { RevokedTokenMarking.WhenRequested, AuthingAnswer.UnsupportedTokenType, true },
        { RevokedTokenMarking.WhenRequested, AuthingAnswer.ServerError, true },
        { RevokedTokenMarking.WhenRequested, AuthingAnswer.InvalidClient, true },
        { RevokedTokenMarking.WhenConfirmed, AuthingAnswer.Revoked, true },
        { RevokedTokenMarking.WhenConfirmed, AuthingAnswer.UnsupportedTokenType, false },
        { RevokedTokenMarking.WhenConfirmed, AuthingAnswer.ServerError, false },
        { RevokedTokenMarking.WhenConfirmed, AuthingAnswer.InvalidClient, false },
    };

    [Theory]
    [MemberData(nameof(MarkedOrNot))]
    public async Task RevokeTokenAsync_MarksTheRegistry_AlwaysWhenRequestedButOnlyOnSuccessWhenConfirmed(RevokedTokenMarking marking, AuthingAnswer answer, bool marked)
    {
        using var authing = AuthingServer.Answering(answer);
        var registry = new InMemoryRevokedTokenRegistry();
        var token = TestTokens.Jwt();

        await RevokeIgnoringFailureAsync(authing.Client(registry, marking: marking), token);

        Assert.Equal(marked, await registry.IsRevokedAsync(token));
    }

    [Fact]
    public async Task RevokeTokenAsync_FailClosed_MarksBeforeAuthingIsCalled()
    {
        var registry = new InMemoryRevokedTokenRegistry();
        var token = TestTokens.Opaque();
        bool? markedWhenAuthingWasCalled = null;
        using var authing = AuthingServer.AnsweringWith(async _ =>
        {
            markedWhenAuthingWasCalled = await registry.IsRevokedAsync(token);
            return await AuthingServer.RevokedResponse();
        });

        await RevokeIgnoringFailureAsync(authing.Client(registry), token);

        Assert.True(markedWhenAuthingWasCalled);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("bad\ntoken")]
    public async Task RevokeTokenAsync_BadToken_IsRejectedBeforeAnythingIsMarkedToldOrSent(string? token)
    {
        using var authing = AuthingServer.Answering(AuthingAnswer.Revoked);
        var registry = new RecordingRegistry();
        var observer = new RecordingObserver();
        using var client = authing.Client(registry, [observer]);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.RevokeTokenAsync(token!));

        Assert.Equal((0, 0, 0), (registry.Calls, observer.Notices.Count, authing.RequestCount));
    }

    [Fact]
    public async Task RevokeTokenAsync_RegistryFails_AuthingIsStillCalledAndTheCallerLearnsTheTokenIsRevokedThere()
    {
        using var authing = AuthingServer.Answering(AuthingAnswer.Revoked);
        var failure = new InvalidOperationException("registry store down");
        var observer = new RecordingObserver();
        using var client = authing.Client(new RecordingRegistry(failsWith: failure), [observer]);

        var thrown = await Assert.ThrowsAsync<AuthingRevocationException>(() => client.RevokeTokenAsync(TestTokens.Opaque()));

        Assert.Equal((1, RevocationOutcome.Revoked, 1, 1), (authing.RequestCount, thrown.Outcome, thrown.ObserverFailures.Count, observer.Notices.Count));
        Assert.Same(failure, Assert.Single(thrown.ObserverFailures));
    }

    private static async Task RevokeIgnoringFailureAsync(AuthenticationClient client, string token)
    {
        using (client)
        {
            try
            {
                await client.RevokeTokenAsync(token);
            }
            catch (AuthingRevocationException)
            {
                // Authing refused or failed: what matters here is the registry.
            }
        }
    }
}
