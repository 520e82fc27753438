using FootDrop.Bot.Storage;

namespace FootDrop.Bot.Reminders;

/// <summary>
/// The reminders are user data: their schedule lives in the user's state, which "delete my data" and the expiry of
/// anonymous web users delete; this removes their scheduler job as well. A job whose user's state is gone would remove
/// itself at its next firing without sending anything, but it is not left waiting for that.
/// </summary>
public sealed class ReminderUserData(ReminderScheduler scheduler) : IUserDataStore, IExpiredUserDataStore
{
    public Task EraseAsync(UserDataOwner owner, CancellationToken cancellationToken)
        => scheduler.RemoveAsync(owner.ChannelId, owner.UserId, cancellationToken);

    public async Task ForgetAsync(IReadOnlyList<ExpiredWebUser> users, CancellationToken cancellationToken)
    {
        foreach (var user in users)
        {
            await scheduler.RemoveAsync(user.ChannelId, user.UserId, cancellationToken);
        }
    }
}
