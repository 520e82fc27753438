using System.Diagnostics;
using System.Runtime.InteropServices;
using FootDrop.Bot.Recognition;
using FootDrop.Content.Triage;
using FootDrop.Content.Triage.Semantic;
using Microsoft.Extensions.DependencyInjection;

namespace FootDrop.Bot.Benchmarks;

/// <summary>What the sentence model costs per message it reads, on one thread of one core.</summary>
internal sealed record ModelCostResult(
    int Messages,
    int MessagesRead,
    double ClausesPerMessage,
    int MostClauses,
    double MeanMs,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    double CpuMsPerMessage,
    double ProcessCpuMsPerMessage,
    double NearestMsPerMessage);

/// <summary>
/// The sentence model's own cost: for every message the bot would give it (the model gate lets it through, the rules
/// did not already decide an emergency, and it has clean clauses), the embedding call the detector makes, with all of
/// the message's clauses in one batch as the detector sends them, then the nearest-example search. It runs on one
/// thread, one message after another, so a message's figure is the time of one core. CPU time is the calling thread's
/// own (ONNX Runtime runs the model on the calling thread with one intra-op thread), so other processes on the machine
/// inflate the wall-clock figures but not the CPU figure.
/// </summary>
internal static class ModelCost
{
    public static ModelCostResult Measure(IServiceProvider services, IReadOnlyList<string> messages)
    {
        var detector = services.GetRequiredService<RedFlagDetector>();
        var gate = services.GetRequiredService<ModelGate>();
        var embedder = MiniLmSentenceEmbedder.Shared;

        // The rules' examples as the bot holds them (made once per process, so this reuses the bot's vectors).
        var examples = SemanticExamples.Build(SemanticExamples.From(services.GetRequiredService<RedFlagVocabulary>()), embedder, cacheDirectory: null);

        // The clauses the detector gives the model for each message, exactly as it reads them in a turn.
        var batches = messages
            .Where(gate.ShouldRead)
            .Select(m => detector.Explain(m).Semantic.Select(s => s.Clause).ToList())
            .Where(c => c.Count > 0)
            .ToList();
        if (batches.Count == 0)
        {
            throw new InvalidOperationException("No message reached the sentence model: is it loaded?");
        }

        // Once through untimed, so ONNX Runtime's buffers and the JIT are warm, as in a running bot.
        foreach (var clauses in batches)
        {
            embedder.Embed(clauses);
        }

        var wall = new List<double>(batches.Count);
        double cpu = 0;
        var nearest = Stopwatch.StartNew();
        nearest.Reset();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var processCpu = self.TotalProcessorTime;
        foreach (var clauses in batches)
        {
            var cpuBefore = ThreadCpu.Now();
            var started = Stopwatch.GetTimestamp();
            var vectors = embedder.Embed(clauses);
            wall.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            cpu += (ThreadCpu.Now() - cpuBefore).TotalMilliseconds;
            nearest.Start();
            foreach (var vector in vectors)
            {
                examples.Nearest(vector);
            }

            nearest.Stop();
        }

        self.Refresh();
        var processCpuMs = (self.TotalProcessorTime - processCpu).TotalMilliseconds;
        wall.Sort();
        double Percentile(double p) => wall[Math.Min(wall.Count - 1, (int)(p * wall.Count))];
        return new ModelCostResult(
            messages.Count,
            batches.Count,
            batches.Average(b => b.Count),
            batches.Max(b => b.Count),
            wall.Average(),
            Percentile(0.5),
            Percentile(0.95),
            Percentile(0.99),
            wall[^1],
            cpu / batches.Count,
            processCpuMs / batches.Count,
            nearest.Elapsed.TotalMilliseconds / batches.Count);
    }

    /// <summary>The calling thread's CPU time (Linux; elsewhere the process's, which is close on an idle process).</summary>
    private static class ThreadCpu
    {
        private const int ClockThreadCpuTimeId = 3;

        public static TimeSpan Now()
        {
            if (OperatingSystem.IsLinux() && clock_gettime(ClockThreadCpuTimeId, out var time) == 0)
            {
                return TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100));
            }

            using var self = Process.GetCurrentProcess();
            return self.TotalProcessorTime;
        }

        [StructLayout(LayoutKind.Sequential)]
        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int clock_gettime(int clock, out TimeSpec time);
    }
}
