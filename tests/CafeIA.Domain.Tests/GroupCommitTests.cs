using System.Collections.Concurrent;
using CafeIA.Grains.Sessions;

namespace CafeIA.Domain.Tests;

/// <summary>
/// Group commit as a grain runs it (one thread at a time): changes made while a write runs all
/// join the next write, and each waiter completes only when a write holding its change is done.
/// </summary>
public sealed class GroupCommitTests
{
    [Fact]
    public void Changes_made_during_a_write_share_the_next_one_and_wait_for_it()
    {
        SingleThread.Run(async () =>
        {
            var (commits, writes) = Recorded();

            var first = commits.Next();
            await Settle();
            Assert.Single(writes); // the first change is written at once
            var second = commits.Next();
            var third = commits.Next();
            var fourth = commits.Next();
            Assert.Same(second, third);
            Assert.Same(second, fourth);
            Assert.False(first.IsCompleted);

            writes[0].SetResult();
            await first;
            await Settle();
            Assert.Equal(2, writes.Count); // one write for the three changes made meanwhile
            Assert.False(second.IsCompleted);
            Assert.False(commits.Durable().IsCompleted);

            writes[1].SetResult();
            await second;
            Assert.True(commits.Durable().IsCompleted);
            Assert.Equal(2, writes.Count);
        });
    }

    [Fact]
    public void A_failed_write_fails_its_waiters_and_the_next_write_still_runs()
    {
        SingleThread.Run(async () =>
        {
            var (commits, writes) = Recorded();
            var first = commits.Next();
            await Settle();
            var second = commits.Next();
            writes[0].SetException(new InvalidOperationException("disk full"));
            await Assert.ThrowsAsync<InvalidOperationException>(() => first);
            await Settle();
            writes[1].SetResult();
            await second;
        });
    }

    /// <summary>A group commit whose writes complete when the test says so.</summary>
    private static (GroupCommit Commits, List<TaskCompletionSource> Writes) Recorded()
    {
        var writes = new List<TaskCompletionSource>();
        return (new GroupCommit(() =>
        {
            var write = new TaskCompletionSource();
            writes.Add(write);
            return write.Task;
        }), writes);
    }

    /// <summary>Lets every continuation already queued on the single thread run (no clock involved).</summary>
    private static async Task Settle()
    {
        for (var i = 0; i < 10; i++)
        {
            await Task.Yield();
        }
    }

    /// <summary>Runs async code on the calling thread only, as Orleans runs a grain's turns.</summary>
    private sealed class SingleThread : SynchronizationContext
    {
        private readonly BlockingCollection<(SendOrPostCallback, object?)> _queue = [];

        public override void Post(SendOrPostCallback d, object? state) => _queue.Add((d, state));

        public static void Run(Func<Task> body)
        {
            var previous = Current;
            var context = new SingleThread();
            SetSynchronizationContext(context);
            try
            {
                var task = body();
                task.ContinueWith(_ => context._queue.CompleteAdding(), TaskScheduler.Default);
                foreach (var (callback, state) in context._queue.GetConsumingEnumerable())
                {
                    callback(state);
                }
                task.GetAwaiter().GetResult();
            }
            finally
            {
                SetSynchronizationContext(previous);
            }
        }
    }
}
