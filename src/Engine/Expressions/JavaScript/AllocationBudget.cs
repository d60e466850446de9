using Jint.Runtime;

namespace Sleek.Workflows.Engine.Expressions.JavaScript;

/// <summary>
/// The bytes one evaluation may allocate, measured as Jint's own memory limit measures them (bytes this thread
/// allocated since the evaluation began). Jint checks its limit only between statements, so a single built-in call
/// (<c>'x'.repeat(3e8)</c>) could allocate far beyond it before the next check: the guarded built-ins ask
/// <see cref="Reserve"/> for what they are about to build, and are refused before they build it.
/// </summary>
internal sealed class AllocationBudget(long limitBytes)
{
    private long _start = GC.GetAllocatedBytesForCurrentThread();

    /// <summary>The bytes one evaluation may allocate.</summary>
    public long LimitBytes { get; } = limitBytes;

    /// <summary>Starts counting from now (the engine's own set-up does not count).</summary>
    public void Restart() => _start = GC.GetAllocatedBytesForCurrentThread();

    /// <summary>Bytes allocated since the evaluation began.</summary>
    public long Used => GC.GetAllocatedBytesForCurrentThread() - _start;

    /// <summary>Throws (uncatchable by the script) unless <paramref name="bytes"/> more still fit in the budget.</summary>
    /// <exception cref="MemoryLimitExceededException">They do not fit.</exception>
    public void Reserve(double bytes)
    {
        // A double: callers multiply lengths by counts (repeat, join) without overflowing.
        if (bytes < 0 || Used + bytes > LimitBytes)
        {
            throw new MemoryLimitExceededException(
                $"a built-in call would have needed {Describe(bytes)} with {Describe(Used)} of {Describe(LimitBytes)} already used; it was refused before it ran");
        }
    }

    /// <summary>Refuses what the sandbox does not build at all, whatever is left of the budget.</summary>
    /// <exception cref="MemoryLimitExceededException">Always.</exception>
    public void Refuse(string what) => throw new MemoryLimitExceededException($"{what} was refused");

    /// <summary><see cref="Reserve"/> for a string of <paramref name="chars"/> UTF-16 characters (and the builder it is made in).</summary>
    public void ReserveChars(double chars) => Reserve(chars * 4);

    private static string Describe(double bytes) => bytes >= 1_000_000 ? $"{bytes / 1_000_000:0.#} MB" : $"{bytes:0} bytes";
}
