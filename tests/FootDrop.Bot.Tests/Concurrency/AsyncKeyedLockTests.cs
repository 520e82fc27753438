using FootDrop.Bot.Concurrency;

namespace FootDrop.Bot.Tests.Concurrency;

public sealed class AsyncKeyedLockTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly AsyncKeyedLock _locks = new();

    [Fact]
    public async Task A_second_taker_of_a_key_waits_until_the_first_lets_go()
    {
        var first = await _locks.AcquireAsync("conv-1");
        var second = _locks.AcquireAsync("conv-1");
        await Task.Yield();
        Assert.False(second.IsCompleted);

        first.Dispose();

        (await second.WaitAsync(Patience)).Dispose();
    }

    [Fact]
    public async Task Different_keys_do_not_wait_for_each_other()
    {
        using var first = await _locks.AcquireAsync("conv-1");

        var other = _locks.AcquireAsync("conv-2");

        (await other.WaitAsync(Patience)).Dispose();
    }

    [Fact]
    public async Task A_key_is_forgotten_once_nobody_holds_or_waits_for_it()
    {
        var first = await _locks.AcquireAsync("conv-1");
        var second = _locks.AcquireAsync("conv-1");
        first.Dispose();
        (await second.WaitAsync(Patience)).Dispose();

        Assert.Equal(0, _locks.ActiveKeys);
    }

    [Fact]
    public async Task A_cancelled_wait_leaves_the_key_to_its_holder_only()
    {
        var holder = await _locks.AcquireAsync("conv-1");
        using var cancel = new CancellationTokenSource();
        var waiting = _locks.AcquireAsync("conv-1", cancel.Token);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        holder.Dispose();

        Assert.Equal(0, _locks.ActiveKeys);
    }

    [Fact]
    public async Task Letting_go_twice_does_not_let_two_others_in()
    {
        var first = await _locks.AcquireAsync("conv-1");
        var second = _locks.AcquireAsync("conv-1");
        var third = _locks.AcquireAsync("conv-1");

        first.Dispose();
        first.Dispose();
        await second.WaitAsync(Patience);
        await Task.Yield();

        Assert.False(third.IsCompleted);
        (await second).Dispose();
        (await third.WaitAsync(Patience)).Dispose();
    }
}
