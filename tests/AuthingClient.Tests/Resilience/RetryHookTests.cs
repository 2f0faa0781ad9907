using System.Net;
using AuthingClient.Testing;

namespace AuthingClient.Tests.Resilience;

/// <summary>The public retry hook (<see cref="RevocationRetryOptions.OnRetry"/>) and the <c>Retry-After</c> a refusal carries, against the stand-in.</summary>
public sealed class RetryHookTests : IDisposable
{
    private readonly AuthingStandIn _authing = AuthingStandIn.Start();

    public void Dispose() => _authing.Dispose();

    [Fact]
    public async Task OnRetry_TwoTransientAnswers_IsToldOfEachRetryBeforeItIsSent()
    {
        _authing.EnqueueFault(StandInFault.ServiceUnavailable(TimeSpan.Zero));
        _authing.EnqueueFault(new StandInFault(HttpStatusCode.TooManyRequests) { RetryAfter = TimeSpan.Zero });
        var told = new List<(int Attempt, HttpStatusCode? Status, TimeSpan Delay, int RequestsBefore)>();
        var options = _authing.CreateClientOptions();
        options.Retry.OnRetry = retry =>
        {
            told.Add((retry.AttemptNumber, retry.StatusCode, retry.Delay, _authing.RequestCount));
            return ValueTask.CompletedTask;
        };
        using var client = new AuthenticationClient(options);

        var revoked = await client.RevokeTokenAsync("token-a");

        Assert.True(revoked);
        Assert.Equal([(2, HttpStatusCode.ServiceUnavailable, TimeSpan.Zero, 1), (3, HttpStatusCode.TooManyRequests, TimeSpan.Zero, 2)], told);
    }

    [Fact]
    public async Task OnRetry_HoldsTheRetryBack_UntilItCompletes()
    {
        _authing.EnqueueFault(StandInFault.ServiceUnavailable(TimeSpan.Zero));
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = _authing.CreateClientOptions();
        options.Retry.OnRetry = async _ =>
        {
            reached.SetResult();
            await hold.Task;
        };
        using var client = new AuthenticationClient(options);

        var revocation = client.RevokeTokenAsync("token-a");
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var requestsWhileHeld = _authing.RequestCount;
        hold.SetResult();

        Assert.True(await revocation);
        Assert.Equal((1, 2), (requestsWhileHeld, _authing.RequestCount));
    }

    [Fact]
    public async Task RetryAfter_RefusalAskingForALongerWaitThanMaxDelay_IsOnTheException()
    {
        _authing.EnqueueFault(StandInFault.ServiceUnavailable(TimeSpan.FromSeconds(120)));
        using var client = new AuthenticationClient(_authing.CreateClientOptions());

        var error = await Assert.ThrowsAsync<AuthingRevocationException>(() => client.RevokeTokenAsync("token-a"));

        Assert.Equal((RevocationOutcome.Refused, HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(120), 1), (error.Outcome, error.StatusCode, error.RetryAfter, error.Attempts));
    }

    [Fact]
    public async Task RetryAfter_RefusalWithoutIt_IsNull()
    {
        _authing.EnqueueFault(new StandInFault(HttpStatusCode.BadRequest) { Error = "invalid_request" });
        using var client = new AuthenticationClient(_authing.CreateClientOptions());

        var error = await Assert.ThrowsAsync<AuthingRevocationException>(() => client.RevokeTokenAsync("token-a"));

        Assert.Null(error.RetryAfter);
    }
}
