namespace Sleek.Workflows.Engine.Expressions;

/// <summary>An expression failed to evaluate or broke a sandbox limit. The message says which and why.</summary>
public sealed class ExpressionException(string message, Exception? inner = null) : Exception(message, inner);
