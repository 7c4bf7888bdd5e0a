using System.Diagnostics;

namespace Bundlinje.Bench;

/// <summary>Samples the process's working set every 20 ms on a background thread: the peak since the last
/// <see cref="Reset"/> is a phase's peak, <see cref="ProcessPeak"/> the kernel's peak for the whole process.</summary>
public sealed class PeakMemory : IDisposable
{
    private readonly Thread thread;
    private volatile bool stopped;
    private long peak;

    public PeakMemory()
    {
        thread = new Thread(() =>
        {
            while (!stopped)
            {
                Observe();
                Thread.Sleep(20);
            }
        })
        { IsBackground = true, Name = "peak-memory" };
        thread.Start();
    }

    /// <summary>Starts a new phase: its peak begins at the current working set.</summary>
    /// <remarks>Collects garbage first, so a phase is not charged with what an earlier phase left for the collector.</remarks>
    public void Reset()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        Interlocked.Exchange(ref peak, Environment.WorkingSet);
    }

    /// <summary>The phase's peak working set in MB (sampled, plus one reading now).</summary>
    public long PeakMb
    {
        get { Observe(); return Interlocked.Read(ref peak) / 1024 / 1024; }
    }

    public static long ProcessPeakMb
    {
        get { using var self = Process.GetCurrentProcess(); return self.PeakWorkingSet64 / 1024 / 1024; }
    }

    /// <summary>The load average (1, 5, 15 minutes) of the machine, as `uptime` prints it.</summary>
    public static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
        : "?";

    private void Observe()
    {
        var now = Environment.WorkingSet;
        long seen;
        while (now > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, now, seen) != seen) { }
    }

    public void Dispose()
    {
        stopped = true;
        thread.Join();
    }
}
