namespace AuthingClient.Tests.Errors;

/// <summary>The public exception has the standard constructors and sensible defaults when built by callers (e.g. in their own tests).</summary>
public sealed class AuthingRevocationExceptionTests
{
    [Fact]
    public void Constructor_WithoutArguments_HasADefaultMessage()
    {
        var exception = new AuthingRevocationException();

        Assert.False(string.IsNullOrWhiteSpace(exception.Message));
        Assert.Null(exception.InnerException);
    }

    [Fact]
    public void Constructor_WithMessage_KeepsTheMessage()
    {
        var exception = new AuthingRevocationException("revocation failed");

        Assert.Equal("revocation failed", exception.Message);
        Assert.Null(exception.InnerException);
    }

    [Fact]
    public void Constructor_WithMessageAndInnerException_KeepsBoth()
    {
        var inner = new HttpRequestException("connection refused");

        var exception = new AuthingRevocationException("revocation failed", inner);

        Assert.Equal(("revocation failed", (Exception)inner), (exception.Message, exception.InnerException!));
    }

    [Fact]
    public void Constructor_PublicOverload_CarriesNoServerFacts()
    {
        var exception = new AuthingRevocationException("revocation failed");

        Assert.Equal(
            (null, null, null, null, false, 1),
            ((int?)exception.StatusCode, exception.Error, exception.ErrorDescription, exception.ErrorUri, exception.ServerResponded, exception.Attempts));
    }
}
