using Scriban;

namespace Sleek.Workflows.Engine.Expressions;

/// <summary>
/// Scriban contexts under the sandbox's limits, for the engine's <c>$template</c> inputs and the marketplace's email
/// templates alike (both render data that users typed). A render that runs past <see cref="SandboxLimits.TemplateTimeout"/>
/// is aborted at its next statement; each regular expression match gets <see cref="SandboxLimits.Timeout"/>, as in
/// JavaScript (Scriban's default is 10 s); loops (all of them, nested ones included) stop after
/// <see cref="SandboxLimits.TemplateLoopLimit"/> iterations; output and every string a built-in makes stop at
/// <see cref="SandboxLimits.MaxTemplateOutput"/> characters. Breaches throw <see cref="Scriban.Syntax.ScriptRuntimeException"/>
/// (a <see cref="Scriban.Syntax.ScriptAbortException"/> for the time limit).
/// </summary>
public sealed class TemplateSandbox : IDisposable
{
    private readonly CancellationTokenSource _deadline;

    /// <summary>A context for one render; the clock starts now.</summary>
    public TemplateSandbox(SandboxLimits limits, CancellationToken cancellationToken = default)
    {
        _deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _deadline.CancelAfter(limits.TemplateTimeout);
        Context = new BudgetedContext(_deadline, limits.TemplateTimeout)
        {
            LoopLimit = limits.TemplateLoopLimit,
            RecursiveLimit = limits.MaxRecursion,
            LimitToString = limits.MaxTemplateOutput,
            OutputLimit = limits.MaxTemplateOutput,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            RegexTimeOut = limits.Timeout,
            CancellationToken = _deadline.Token,
            MemberRenamer = m => m.Name,
        };
    }

    /// <summary>The context to render with (add globals, set strictness as the caller needs).</summary>
    public TemplateContext Context { get; }

    /// <summary>Whether the render was stopped by the time limit (not by the caller's token).</summary>
    public bool TimedOut(CancellationToken callerToken) => _deadline.IsCancellationRequested && !callerToken.IsCancellationRequested;

    /// <inheritdoc />
    public void Dispose() => _deadline.Dispose();

    /// <summary>
    /// Checks the budget against a clock at every evaluation, not only when the deadline's timer has fired:
    /// on a busy host that timer (a thread-pool callback) may come late, after the render already ran over.
    /// </summary>
    private sealed class BudgetedContext(CancellationTokenSource deadline, TimeSpan budget) : TemplateContext
    {
        private readonly long _started = System.Diagnostics.Stopwatch.GetTimestamp();

        public override object? Evaluate(Scriban.Syntax.ScriptNode? scriptNode, bool aliasReturnedFunction)
        {
            if (!deadline.IsCancellationRequested && System.Diagnostics.Stopwatch.GetElapsedTime(_started) > budget)
            {
                deadline.Cancel();
            }

            return base.Evaluate(scriptNode, aliasReturnedFunction);
        }
    }
}
