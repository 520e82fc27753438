using FootDrop.Bot.Hosting;

namespace FootDrop.Bot.Tests.Hosting;

public sealed class StartupWorkTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly StartupWork _work = new();

    [Fact]
    public async Task Work_runs_in_the_order_it_was_asked_for_one_item_at_a_time()
    {
        var order = new List<int>();
        var running = 0;
        var overlapped = false;
        using var firstMayEnd = new ManualResetEventSlim();
        var tasks = Enumerable.Range(1, 4).Select(n => _work.Run(() =>
        {
            overlapped |= Interlocked.Increment(ref running) > 1;
            if (n == 1)
            {
                firstMayEnd.Wait(Patience);
            }

            lock (order)
            {
                order.Add(n);
            }

            Interlocked.Decrement(ref running);
        })).ToList();

        await Task.Delay(50);
        Assert.Empty(order);
        firstMayEnd.Set();
        await Task.WhenAll(tasks).WaitAsync(Patience);

        Assert.Equal([1, 2, 3, 4], order);
        Assert.False(overlapped);
    }

    [Fact]
    public async Task Work_runs_on_a_thread_of_its_own_not_on_the_pool_the_requests_need()
    {
        var onPool = true;

        await _work.Run(() => onPool = Thread.CurrentThread.IsThreadPoolThread).WaitAsync(Patience);

        Assert.False(onPool);
    }

    [Fact]
    public async Task A_failing_item_faults_its_own_task_and_the_next_item_still_runs()
    {
        var failing = _work.Run(() => throw new InvalidOperationException("the rules could not be built"));
        var ranAfter = false;
        var next = _work.Run(() => ranAfter = true);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing.WaitAsync(Patience));
        await next.WaitAsync(Patience);

        Assert.Equal("the rules could not be built", error.Message);
        Assert.True(ranAfter);
    }

    [Fact]
    public async Task Work_asked_for_after_the_queue_emptied_still_runs()
    {
        await _work.Run(() => { }).WaitAsync(Patience);
        await Task.Delay(50);
        var ran = false;

        await _work.Run(() => ran = true).WaitAsync(Patience);

        Assert.True(ran);
    }
}
