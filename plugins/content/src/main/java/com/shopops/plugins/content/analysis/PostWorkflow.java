package com.shopops.plugins.content.analysis;

import java.util.Optional;

/**
 * The moves a post may make and who may make them. Editing a post that was approved sends it back to
 * draft (what was approved is not what would go out); moving its time does not.
 *
 * <pre>{@code
 * PostWorkflow.refusal(PostStatus.DRAFT, PostWorkflow.Move.APPROVE)  // "only a post in review can be approved"
 * }</pre>
 */
public final class PostWorkflow {

    private PostWorkflow() {
    }

    /** What someone does to a post. */
    public enum Move {
        /** Send a draft for review. */
        SUBMIT,
        /** Approve a post in review (the approver's permission). */
        APPROVE,
        /** Send a post in review, approved or scheduled back to draft, with a note (the approver's permission). */
        SEND_BACK,
        /** Change its title, body, kind, products, campaign or channels. */
        EDIT,
        /** Move its time. */
        RESCHEDULE,
        /** Publish what is due now instead of at its time. */
        PUBLISH_NOW,
        /** Try the channels that gave up again. */
        RETRY,
        /** Delete it. */
        DELETE
    }

    /** Why {@code move} is not allowed from {@code from}, or empty when it is. */
    public static Optional<String> refusal(PostStatus from, Move move) {
        boolean ok = switch (move) {
            case SUBMIT -> from == PostStatus.DRAFT;
            case APPROVE -> from == PostStatus.REVIEW;
            case SEND_BACK -> from == PostStatus.REVIEW || from == PostStatus.APPROVED || from == PostStatus.SCHEDULED;
            case EDIT, DELETE -> from != PostStatus.PUBLISHED;
            case RESCHEDULE -> from != PostStatus.PUBLISHED;
            case PUBLISH_NOW -> from == PostStatus.APPROVED || from == PostStatus.SCHEDULED;
            case RETRY -> from == PostStatus.FAILED;
        };
        if (ok) {
            return Optional.empty();
        }
        return Optional.of(switch (move) {
            case SUBMIT -> "only a draft can be sent for review; this post is " + from.id();
            case APPROVE -> "only a post in review can be approved; this post is " + from.id();
            case SEND_BACK -> "only a post in review, approved or scheduled can be sent back; this post is " + from.id();
            case EDIT, DELETE, RESCHEDULE -> "a published post stays as it went out";
            case PUBLISH_NOW -> "only an approved post can be published; this post is " + from.id();
            case RETRY -> "only a failed post can be tried again; this post is " + from.id();
        });
    }

    /** The status after approving: scheduled when it has a time and a channel, else approved. */
    public static PostStatus approved(boolean hasTime, boolean hasChannel) {
        return hasTime && hasChannel ? PostStatus.SCHEDULED : PostStatus.APPROVED;
    }

    /** The status after an edit: back to draft unless it was still a draft or in review (then unchanged). */
    public static PostStatus edited(PostStatus from) {
        return from == PostStatus.REVIEW ? PostStatus.REVIEW : PostStatus.DRAFT;
    }
}
