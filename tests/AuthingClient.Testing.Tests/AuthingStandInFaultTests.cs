using System.Net;
using AuthingClient.Testing.Tests.Support;
using AuthingClient.TestSupport;
using AuthingClient.Testing;
using static AuthingClient.TestSupport.RevocationRequest;

namespace AuthingClient.Testing.Tests;

public class AuthingStandInFaultTests
{
    private const string AppId = StandInHarness.AppId;
    private const string Secret = StandInHarness.AppSecret;

    [Fact]
    public async Task Fault_Queued503_AnswersTheNextRequestWithRetryAfterAndDoesNotRevoke()
    {
        using var harness = StandInHarness.Start();
        harness.StandIn.EnqueueFault(StandInFault.ServiceUnavailable(TimeSpan.FromSeconds(2)));
        using var request = Form(harness.Path, Fields("tok-1", AppId, Secret));

        using var response = await harness.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
        Assert.False(harness.StandIn.IsRevoked("tok-1"));
    }

    [Fact]
    public async Task Fault_SeveralQueued_AnswerOneRequestEachInOrderThenRequestsAreProcessedAgain()
    {
        using var harness = StandInHarness.Start();
        harness.StandIn.EnqueueFault(new StandInFault(HttpStatusCode.TooManyRequests));
        harness.StandIn.EnqueueFault(new StandInFault(HttpStatusCode.InternalServerError) { Error = "server_error", ErrorDescription = "boom" });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var request = Form(harness.Path, Fields("tok-1", AppId, Secret));
            using var response = await harness.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.InternalServerError, HttpStatusCode.OK], statuses);
        Assert.True(harness.StandIn.IsRevoked("tok-1"));
    }

    [Fact]
    public async Task Fault_WithAnErrorCode_AnswersWithAnOAuthErrorBody()
    {
        using var harness = StandInHarness.Start();
        harness.StandIn.EnqueueFault(new StandInFault(HttpStatusCode.InternalServerError) { Error = "server_error" });
        using var request = Form(harness.Path, Fields("tok-1", AppId, Secret));

        using var response = await harness.SendAsync(request);

        await OAuthErrorAssert.IsErrorAsync(response, HttpStatusCode.InternalServerError, "server_error");
    }

    [Fact]
    public async Task Fault_RequestToAnotherPath_DoesNotUseItUp()
    {
        using var harness = StandInHarness.Start();
        harness.StandIn.EnqueueFault(new StandInFault(HttpStatusCode.BadGateway));
        using var elsewhere = Form("/elsewhere", Fields("tok-1", AppId, Secret));
        using var revocation = Form(harness.Path, Fields("tok-1", AppId, Secret));

        using var first = await harness.SendAsync(elsewhere);
        using var second = await harness.SendAsync(revocation);

        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, second.StatusCode);
    }

    [Theory]
    [InlineData(99)]
    [InlineData(600)]
    public void Fault_StatusOutside100To599_IsRefused(int status)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new StandInFault((HttpStatusCode)status));
    }
}
