namespace Sleek.Workflows.Engine.Activities.BuiltIn;

/// <summary>
/// Merges branches. The interpreter decides when it runs: <c>WaitAll</c> waits for every connection
/// into it; <c>WaitAny</c> continues on the first and cancels the other branches leading into it
/// (their queued steps and open waits).
/// </summary>
[Activity("Join", InProcess = true, Category = "Flow", Description = "Merges branches: WaitAll waits for every incoming branch; WaitAny continues on the first and cancels the others.")]
public sealed class Join : IActivity
{
    /// <summary>The merge mode.</summary>
    [Input(LiteralOnly = true, Options = [WaitAll, WaitAny], Description = "WaitAll or WaitAny.")]
    public string Mode { get; set; } = WaitAll;

    /// <summary>Wait for every incoming connection.</summary>
    public const string WaitAll = "WaitAll";

    /// <summary>Continue on the first incoming connection.</summary>
    public const string WaitAny = "WaitAny";

    /// <inheritdoc />
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Done());
}
