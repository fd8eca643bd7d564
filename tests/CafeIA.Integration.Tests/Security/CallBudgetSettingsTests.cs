using CafeIA.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace CafeIA.Integration.Tests.Security;

/// <summary>The call budget's settings: one that would refuse every call does not start.</summary>
public sealed class CallBudgetSettingsTests
{
    [Theory]
    [InlineData("--Limits:CallsPerSecondPerConnection=0")]
    [InlineData("--Limits:CallBurstPerConnection=0")]
    public async Task A_gateway_does_not_start_with_a_call_budget_that_refuses_every_call(string setting)
    {
        using var data = new TempDirectory();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => GatewayHost.StartEmbedded(data.Path, setting));

        Assert.Contains("must be at least 1", refused.Message, StringComparison.Ordinal);
    }
}
