using System.Net;
using AuthingClient.Testing.Tests.Support;
using static AuthingClient.TestSupport.RevocationRequest;

namespace AuthingClient.Testing.Tests;

public class AuthingStandInHoldTests
{
    private const string AppId = StandInHarness.AppId;
    private const string Secret = StandInHarness.AppSecret;

    [Fact]
    public async Task Hold_AfterOne_AnswersTheFirstAndHoldsTheNextUntilReleased()
    {
        using var harness = StandInHarness.Start();
        using var hold = harness.StandIn.HoldRequests(after: 1);
        using var first = Form(harness.Path, Fields("tok-1", AppId, Secret));
        using var second = Form(harness.Path, Fields("tok-2", AppId, Secret));

        using var answered = await harness.SendAsync(first);
        var held = harness.SendAsync(second);
        await hold.FirstHeld.WaitAsync(TimeSpan.FromSeconds(30));
        var whileHeld = (held.IsCompleted, hold.Held, harness.StandIn.RequestCount, harness.StandIn.IsRevoked("tok-2"));
        hold.Release();
        using var released = await held;

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal((false, 1, 2, false), whileHeld);
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.True(harness.StandIn.IsRevoked("tok-2"));
    }

    [Fact]
    public async Task Hold_Reset_ReleasesTheHeldRequests()
    {
        using var harness = StandInHarness.Start();
        using var hold = harness.StandIn.HoldRequests();
        using var request = Form(harness.Path, Fields("tok-1", AppId, Secret));

        var held = harness.SendAsync(request);
        await hold.FirstHeld.WaitAsync(TimeSpan.FromSeconds(30));
        harness.StandIn.Reset();
        using var response = await held;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
