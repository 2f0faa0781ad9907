using AuthingClient.Diagnostics;

namespace AuthingClient.Tests.Diagnostics;

public sealed class RevocationOutcomeNamesTests
{
    [Fact]
    public void ToTagValue_EveryOutcome_HasItsOwnName()
    {
        var outcomes = Enum.GetValues<RevocationOutcome>();

        var names = outcomes.Select(o => o.ToTagValue()).ToList();

        Assert.Equal(
            ["revoked", "not_revoked", "refused", "timeout", "transport_error", "canceled"],
            names);
        Assert.Equal(outcomes.Length, names.Distinct().Count());
    }

    [Fact]
    public void ToTagValue_UndefinedOutcome_IsNotLabelledAsAnother()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((RevocationOutcome)99).ToTagValue());
    }
}
