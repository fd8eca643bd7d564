namespace CafeIA.Wire;

/// <summary>
/// Where a call's <see cref="IOperation.OpId"/> travels from the gateway (Gateway/Hubs/OperationFilter)
/// to the session grain (Grains/Sessions/OperationLog): one key of Orleans' request context, named once.
/// </summary>
public static class OperationContext
{
    public const string Key = "cafe.op";
}
