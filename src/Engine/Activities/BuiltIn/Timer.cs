using System.Text.Json.Nodes;
using Cronos;
using Sleek.Workflows.Engine.Definitions;
using Sleek.Workflows.Engine.Expressions;

namespace Sleek.Workflows.Engine.Activities.BuiltIn;

/// <summary>Waits until the next time a cron expression names. Loop back into it for a recurring schedule.</summary>
[Activity("Timer", InProcess = true, Category = "Timers", Description = "Waits until the next occurrence of a cron expression (5 or 6 fields); loop back for a schedule.")]
public sealed class Timer : IResumableActivity, IValidatesInputs
{
    /// <summary>Cron expression, e.g. <c>0 9 * * MON-FRI</c>.</summary>
    [Input(Required = true, Description = "Cron: 5 fields (minute hour day month weekday) or 6 with seconds first.", UiHint = "cron")]
    public string Cron { get; set; } = "";

    /// <summary>IANA or Windows time zone id.</summary>
    [Input(Description = "Time zone the cron is read in (IANA id). Default UTC.")]
    public string TimeZone { get; set; } = "UTC";

    /// <inheritdoc />
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (TryParse(Cron) is not { } expression)
        {
            return ValueTask.FromResult(ActivityResult.Fault($"cron '{Cron}' does not parse; write 5 fields like '0 9 * * MON-FRI'"));
        }

        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        }
        catch (TimeZoneNotFoundException)
        {
            return ValueTask.FromResult(ActivityResult.Fault($"time zone '{TimeZone}' is unknown; use an IANA id such as Europe/Berlin"));
        }

        var next = expression.GetNextOccurrence(context.Clock.GetUtcNow().UtcDateTime, zone);
        if (next is not { } dueAt)
        {
            return ValueTask.FromResult(ActivityResult.Fault($"cron '{Cron}' never occurs again"));
        }

        return ValueTask.FromResult(ActivityResult.Wait(new BookmarkRequest(TimerBookmark.Name, DueAt: dueAt, Data: TimerBookmark.Data(dueAt))));
    }

    /// <inheritdoc />
    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput resume) =>
        ValueTask.FromResult(ActivityResult.Done());

    /// <inheritdoc />
    public IEnumerable<(string Input, string Message)> Validate(IReadOnlyDictionary<string, JsonNode?> inputs, ExpressionSyntax syntax)
    {
        if (inputs.TryGetValue("cron", out var node)
            && InputValue.Parse(node) is { Kind: InputKind.Literal } literal
            && (literal.Literal is not JsonValue v || !v.TryGetValue<string>(out var text) || TryParse(text) is null))
        {
            yield return ("cron", "not a cron expression: write 5 fields (minute hour day month weekday), e.g. '0 9 * * MON-FRI'");
        }
    }

    private static CronExpression? TryParse(string text)
    {
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var format = fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        return CronExpression.TryParse(text, format, out var expression) ? expression : null;
    }
}
