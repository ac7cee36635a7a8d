package com.betterfleet.access.authorisation.registry.application;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.betterfleet.access.authorisation.identifier.domain.AccessClass;
import com.betterfleet.access.authorisation.identifier.domain.IdentifierCommand;
import com.betterfleet.access.authorisation.identifier.domain.IdentifierItemValidator;
import com.betterfleet.access.authorisation.identifier.domain.ItemValidation;
import com.betterfleet.access.authorisation.replica.application.StateReplicator;
import com.betterfleet.access.authorisation.shared.application.AccessDeniedException;
import com.betterfleet.access.authorisation.shared.application.Caller;
import com.betterfleet.access.authorisation.shared.application.InvalidInputException;
import com.betterfleet.access.authorisation.shared.config.IdentifierConfig;
import com.betterfleet.access.authorisation.shared.domain.ForbiddenCharacters;

import io.smallrye.mutiny.Uni;

/**
 * The identifier registry: validates and applies batches (REST) and single items (the feed), and
 * serves the masked view. After a write it waits (briefly) for this replica's in-memory state to
 * include it, so a caller can authorise with an identifier right after registering it here.
 */
@ApplicationScoped
public class IdentifierRegistryService {
    private static final Duration LOCAL_VISIBILITY_WAIT = Duration.ofSeconds(2);

    private final IdentifierItemValidator validator;
    private final IdentifierStore store;
    private final StateReplicator replicator;
    private final IdentifierConfig config;

    public IdentifierRegistryService(IdentifierItemValidator validator, IdentifierStore store, StateReplicator replicator,
            IdentifierConfig config) {
        this.validator = validator;
        this.store = store;
        this.replicator = replicator;
        this.config = config;
    }

    /** Applies a batch; items are validated and authorised one by one, valid ones written together. */
    public Uni<List<ItemResult>> applyBatch(List<ReceivedItem> items, Caller caller) {
        return apply(items, caller, true);
    }

    /** Applies one feed message (a machine source: any account); nobody waits for local visibility. */
    public Uni<ItemResult> applyFeedItem(ReceivedItem item) {
        return apply(List.of(item), Caller.MACHINE, false).map(results -> results.get(0));
    }

    private Uni<List<ItemResult>> apply(List<ReceivedItem> items, Caller caller, boolean awaitVisibility) {
        if (items.size() > config.batchMaxItems()) {
            throw new InvalidInputException("items", "at most " + config.batchMaxItems() + " items per batch");
        }
        ItemResult[] results = new ItemResult[items.size()];
        List<IdentifierCommand> commands = new ArrayList<>();
        List<Integer> commandIndexes = new ArrayList<>();
        List<String> commandMasks = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ReceivedItem item = items.get(i);
            ItemValidation validation = validator.validate(item.raw(), item.readViolations());
            if (!validation.valid()) {
                results[i] = new ItemResult(i, ItemStatus.REJECTED, validation.idMask(),
                        ItemRejection.invalid(validation.violations()));
            } else if (!caller.mayAccess(validation.command().accountId())) {
                results[i] = new ItemResult(i, ItemStatus.REJECTED, validation.idMask(), ItemRejection.otherAccount());
            } else {
                commands.add(validation.command());
                commandIndexes.add(i);
                commandMasks.add(validation.idMask());
            }
        }
        if (commands.isEmpty()) {
            return Uni.createFrom().item(List.of(results));
        }
        return store.apply(commands).chain(statuses -> {
            for (int c = 0; c < statuses.size(); c++) {
                int index = commandIndexes.get(c);
                ItemStatus status = statuses.get(c);
                // the store rejects only a typeless delete that names two registrations
                results[index] = new ItemResult(index, status, commandMasks.get(c),
                        status == ItemStatus.REJECTED ? ItemRejection.ambiguousDelete() : null);
            }
            if (!awaitVisibility) {
                replicator.refresh().subscribe().with(ignored -> {
                }, failure -> {
                });
                return Uni.createFrom().item(List.of(results));
            }
            return awaitLocalVisibility().replaceWith(List.of(results));
        });
    }

    /**
     * One page of the masked view.
     *
     * @param accountId requested account (a scoped caller may only name its own; default: its own)
     * @param cursor opaque cursor from the previous page, or null
     */
    public Uni<IdentifierPage> list(Caller caller, String accountId, AccessClass accessClass, String cursor, Integer limit) {
        if (ForbiddenCharacters.in(accountId)) {
            throw new InvalidInputException("accountId", ForbiddenCharacters.MESSAGE);
        }
        String account = accountId;
        if (caller.isScoped()) {
            if (account != null && !caller.mayAccess(account)) {
                throw new AccessDeniedException("A caller of one account cannot list another account's identifiers.");
            }
            account = caller.accountId();
        }
        int size = limit == null ? config.pageSize() : limit;
        if (size < 1 || size > config.maxPageSize()) {
            throw new InvalidInputException("limit", "must be between 1 and " + config.maxPageSize());
        }
        String[] after = decodeCursor(cursor);
        return store.page(account, accessClass, after[0], after[1], size + 1).map(rows -> {
            if (rows.size() <= size) {
                return new IdentifierPage(rows, null);
            }
            List<IdentifierView> page = rows.subList(0, size);
            IdentifierView last = page.get(size - 1);
            return new IdentifierPage(List.copyOf(page), encodeCursor(last.accountId(), last.idHash()));
        });
    }

    private Uni<Void> awaitLocalVisibility() {
        return replicator.refresh().ifNoItem().after(LOCAL_VISIBILITY_WAIT).recoverWithItem((Void) null)
                .onFailure().recoverWithItem((Void) null);
    }

    static String encodeCursor(String accountId, String idHash) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((accountId + "\n" + idHash).getBytes(StandardCharsets.UTF_8));
    }

    static String[] decodeCursor(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return new String[] { "", "" };
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int newline = decoded.indexOf('\n');
            if (newline < 1) {
                throw new IllegalArgumentException("no separator");
            }
            String[] after = { decoded.substring(0, newline), decoded.substring(newline + 1) };
            // A cursor of ours never holds one; the database could not even compare a NUL.
            if (ForbiddenCharacters.in(after[0]) || ForbiddenCharacters.in(after[1])) {
                throw new IllegalArgumentException("control character");
            }
            return after;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("cursor", "is not a cursor returned by this API");
        }
    }
}
