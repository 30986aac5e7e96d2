using Microsoft.Extensions.Logging;
using StrategyLayer.Distribution.Channels;
using StrategyLayer.Domain.Runs;

namespace StrategyLayer.Distribution;

public sealed partial class PackDistributor
{
    /// <summary>
    /// Re-sends every delivery in the outbox that is not sent and is due (its next attempt has
    /// come, or it was written and never tried: the process stopped in between).
    /// </summary>
    public async Task<DistributionResult> RetryPendingAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var due = (await _store.OutboxAsync(null, cancellationToken))
            .Where(d => d.State != DeliveryState.Sent && (d.NextAttempt is null || d.NextAttempt <= now))
            .OrderBy(d => d.Created)
            .ToList();

        var outcomes = new List<DeliveryOutcome>();
        foreach (var delivery in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await ClaimAndSendAsync(delivery, retry: true, cancellationToken) is { } outcome)
            {
                outcomes.Add(outcome);
            }
        }

        return new DistributionResult(outcomes);
    }

    private async Task<Delivery?> NewerSentAsync(Delivery delivery, CancellationToken cancellationToken) =>
        (await _store.OutboxAsync(DeliveryState.Sent, cancellationToken)).FirstOrDefault(d =>
            d.Created > delivery.Created
            && string.Equals(d.Audience, delivery.Audience, StringComparison.OrdinalIgnoreCase)
            && string.Equals(d.Channel, delivery.Channel, StringComparison.OrdinalIgnoreCase)
            && string.Equals(d.Recipient, delivery.Recipient, StringComparison.OrdinalIgnoreCase)
            && d.Period == delivery.Period);

    private async Task<IReadOnlyList<DeliveryOutcome>> DeliverToChannelAsync(Work work, CancellationToken cancellationToken)
    {
        if (!_channels.TryGetValue(work.Channel, out var channel) || !_senders.TryGetValue(channel.Type, out var sender))
        {
            var error = _channels.ContainsKey(work.Channel)
                ? $"channel '{work.Channel}' has an unknown type"
                : $"audience '{work.Audience}' names channel '{work.Channel}', which is not configured";
            _log.LogError("Cannot deliver to {Audience}: {Error}", work.Audience, error);
            return [new DeliveryOutcome(null, work.Audience, work.Channel, null, DeliveryStatus.Failed, error)];
        }

        var recipients = sender.Recipients(channel);
        if (recipients.Count == 0)
        {
            var error = $"channel '{work.Channel}' has no recipients";
            return [new DeliveryOutcome(null, work.Audience, work.Channel, null, DeliveryStatus.Failed, error)];
        }

        var outcomes = new List<DeliveryOutcome>();
        foreach (var recipient in recipients)
        {
            var id = DeliveryKey.For(work.Audience, channel.Name, recipient, work.Period, work.Version);
            var candidate = new Delivery
            {
                Id = id,
                Audience = work.Audience,
                Channel = channel.Name,
                Recipient = recipient,
                Period = work.Period,
                PackVersion = work.Version,
                Files = work.Files,
                Summary = work.Summary,
                Link = work.Link,
                Created = _time.GetUtcNow(),
            };
            outcomes.Add((await ClaimAndSendAsync(candidate, retry: false, cancellationToken))!);
        }

        return outcomes;
    }

    /// <summary>
    /// Sends one delivery under its claim: nobody else sends it meanwhile, and what the outbox holds
    /// is read again once claimed (another process may have sent it a moment ago). A retry returns
    /// null for a delivery superseded by a newer pack.
    /// </summary>
    private async Task<DeliveryOutcome?> ClaimAndSendAsync(Delivery candidate, bool retry, CancellationToken cancellationToken)
    {
        await using var claim = await _locks.TryLockAsync("delivery:" + candidate.Id, cancellationToken);
        if (claim is null)
        {
            _log.LogInformation("Delivery {DeliveryId} to {Channel} for {Audience} {Period} is being sent by another process: left to it", candidate.Id, candidate.Channel, candidate.Audience, candidate.Period);
            return new DeliveryOutcome(candidate.Id, candidate.Audience, candidate.Channel, candidate.Recipient, DeliveryStatus.InProgress);
        }

        var stored = await _store.GetDeliveryAsync(candidate.Id, cancellationToken);
        if (stored is { State: DeliveryState.Sent })
        {
            _log.LogDebug("Delivery {DeliveryId} to {Channel} for {Audience} {Period} already sent", stored.Id, stored.Channel, stored.Audience, stored.Period);
            return retry ? null : new DeliveryOutcome(stored.Id, stored.Audience, stored.Channel, stored.Recipient, DeliveryStatus.AlreadySent);
        }

        var delivery = stored ?? candidate;
        if (retry && await NewerSentAsync(delivery, cancellationToken) is { } newer)
        {
            // An older version of a pack that has since been delivered: sending it now would
            // overwrite the newer one. Kept, with the reason, and never retried.
            await _store.SaveDeliveryAsync(delivery with { State = DeliveryState.Failed, NextAttempt = DateTimeOffset.MaxValue, LastError = $"superseded by delivery {newer.Id} (a newer pack for {delivery.Period})", AttemptBy = null, AttemptStarted = null }, cancellationToken);
            _log.LogInformation("Delivery {DeliveryId} superseded by {NewerId}; not retried", delivery.Id, newer.Id);
            return null;
        }

        if (delivery.AttemptBy is { } by)
        {
            _log.LogWarning(
                "Delivery {DeliveryId} of {Audience} {Period} to {Channel} {Recipient}: the attempt {Node} began at {AttemptStarted:u} never recorded its outcome (its process died or was stopped mid-send), so the message may have gone out; sending it again with the same Message-ID",
                delivery.Id, delivery.Audience, delivery.Period, delivery.Channel, delivery.Recipient ?? "-", by, delivery.AttemptStarted);
        }

        // Into the outbox, with this attempt, before the first byte goes out: a crash mid-send
        // leaves it pending and says who was sending it.
        delivery = delivery with { AttemptBy = _options.Node, AttemptStarted = _time.GetUtcNow() };
        await _store.SaveDeliveryAsync(delivery, cancellationToken);
        return await AttemptAsync(delivery, cancellationToken);
    }

    private async Task<DeliveryOutcome> AttemptAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        if (!_channels.TryGetValue(delivery.Channel, out var channel) || !_senders.TryGetValue(channel.Type, out var sender))
        {
            return await FailedAsync(delivery, $"channel '{delivery.Channel}' is no longer configured");
        }

        try
        {
            var message = MessageFor(delivery, channel);
            await sender.SendAsync(channel, message, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            return await FailedAsync(delivery, e is DeliveryException ? e.Message : $"channel '{channel.Name}': {e.Message}");
        }

        var sent = delivery with
        {
            State = DeliveryState.Sent,
            Attempts = delivery.Attempts + 1,
            Sent = _time.GetUtcNow(),
            NextAttempt = null,
            LastError = null,
            AttemptBy = null,
            AttemptStarted = null,
        };
        // Recorded whatever is being cancelled: the message went out.
        await _store.SaveDeliveryAsync(sent, CancellationToken.None);
        _log.LogInformation(
            "Delivered {Audience} {Period} to {Channel} {Recipient} (delivery {DeliveryId}, attempt {Attempt})",
            sent.Audience, sent.Period, sent.Channel, sent.Recipient ?? "-", sent.Id, sent.Attempts);
        return new DeliveryOutcome(sent.Id, sent.Audience, sent.Channel, sent.Recipient, DeliveryStatus.Sent);
    }

    private async Task<DeliveryOutcome> FailedAsync(Delivery delivery, string error)
    {
        var attempts = delivery.Attempts + 1;
        var next = _time.GetUtcNow() + _options.BackoffAfter(attempts);
        var failed = delivery with { State = DeliveryState.Failed, Attempts = attempts, LastError = error, NextAttempt = next, AttemptBy = null, AttemptStarted = null };
        await _store.SaveDeliveryAsync(failed, CancellationToken.None);
        _log.LogWarning(
            "Delivery {DeliveryId} of {Audience} {Period} to {Channel} failed (attempt {Attempt}), kept in the outbox until {NextAttempt}: {Error}",
            failed.Id, failed.Audience, failed.Period, failed.Channel, attempts, next, error);
        return new DeliveryOutcome(failed.Id, failed.Audience, failed.Channel, failed.Recipient, DeliveryStatus.Failed, error, next);
    }

    private OutgoingMessage MessageFor(Delivery delivery, Domain.Settings.ChannelSettings channel)
    {
        var template = _audiences.TryGetValue(delivery.Audience, out var audience) ? audience.Template : null;
        var isNotice = delivery.Files.Count == 0;
        var subjectTemplate = isNotice ? _options.ExceptionSubject : channel.Subject ?? _options.DefaultSubject;
        var subject = MessageTemplate.Render(subjectTemplate, delivery.Audience, delivery.Period, template, delivery.Summary, delivery.Link);
        return new OutgoingMessage(delivery, subject, MessageTemplate.Body(delivery.Summary, delivery.Link));
    }
}
