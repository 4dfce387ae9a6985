package org.xinfang.workbench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.xinfang.organization.CurrentStaff;
import org.xinfang.organization.StaffUser;
import org.xinfang.organization.Unit;
import org.xinfang.organization.Units;
import org.xinfang.petition.Categories;
import org.xinfang.petition.Channel;
import org.xinfang.petition.PetitionQueries;
import org.xinfang.petition.PetitionQueue;
import org.xinfang.petition.PetitionType;
import org.xinfang.petition.PetitionViews;
import org.xinfang.search.PetitionSearch;
import org.xinfang.shared.ChinaTime;

import jakarta.servlet.http.HttpServletResponse;

/**
 * 收件箱: each role's work queues with their counts, the filters, a page of petitions sorted by the
 * earliest deadline, and the Excel export of the same list. Every list, count and export runs through
 * {@link PetitionQueries}, which applies the caller's scope.
 */
@Controller
class InboxController extends WorkbenchPage {

    /** The most rows one export carries; a larger list is narrowed with the filters first. */
    static final int EXPORT_LIMIT = 10_000;

    private final PetitionQueries queries;
    private final Units units;
    private final Categories categories;
    private final RegionNames regions;
    private final PetitionSearch search;

    InboxController(PetitionQueries queries, Units units, Categories categories, RegionNames regions, PetitionSearch search) {
        this.queries = queries;
        this.search = search;
        this.units = units;
        this.categories = categories;
        this.regions = regions;
    }

    /** A queue tab: its name, count (shown as "10000+" above the inbox's cap), link and whether it is the open one. */
    record Tab(PetitionQueue queue, long count, String countText, String href, boolean current) {
    }

    /** A channel's intake queue (来信专人看 …) inside 待分流. */
    record ChannelTab(Channel channel, long count, String countText, String href, boolean current) {
    }

    @GetMapping("/inbox")
    String inbox(@ModelAttribute("query") InboxQuery query, BindingResult ignoredBadValues, Model model) {
        StaffUser user = CurrentStaff.require();
        PetitionQueue queue = query.effectiveQueue(user);
        PetitionQueries.Filter filter = byWords(query.filter(user, InboxQuery.PAGE_SIZE));
        PetitionViews.Inbox inbox = queries.inbox(filter, user);
        PetitionViews.Page page = inbox.page();
        Map<PetitionQueue, Long> counts = inbox.counts();

        List<Tab> tabs = new ArrayList<>();
        for (PetitionQueue q : InboxQuery.queuesFor(user)) {
            long n = counts.getOrDefault(q, 0L);
            tabs.add(new Tab(q, n, inbox.countText(n), link("queue", q.name(), "page", null), q == queue));
        }
        if (queue == PetitionQueue.INTAKE) {
            Map<Channel, Long> perChannel = inbox.channelCounts();
            List<ChannelTab> channelTabs = new ArrayList<>();
            for (Channel c : Channel.values()) {
                long n = perChannel.getOrDefault(c, 0L);
                channelTabs.add(new ChannelTab(c, n, inbox.countText(n),
                        link("queue", queue.name(), "channel", c.name(), "page", null), c == query.getChannel()));
            }
            model.addAttribute("channelTabs", channelTabs);
            model.addAttribute("allChannelsHref", link("queue", queue.name(), "channel", null, "page", null));
        }
        // above the count cap the total is a lower bound: "共 10,000+ 件", "第 3 / 500+ 页", and the next page
        // is offered when one follows; every page number still opens (OFFSET over the list's index)
        long pages = Math.max(1, (page.total() + InboxQuery.PAGE_SIZE - 1) / InboxQuery.PAGE_SIZE);
        int current = page.page() + 1;
        boolean open = inbox.totalAtLeast();
        if (open) {
            pages = Math.max(current + (inbox.more() ? 1 : 0), (page.total() - 1) / InboxQuery.PAGE_SIZE);
        }
        model.addAttribute("totalText", open ? String.format("%,d+", page.total() - 1) : (Object) page.total());
        model.addAttribute("pagesText", open ? String.format("%,d+", pages) : (Object) pages);
        model.addAttribute("tabs", tabs);
        model.addAttribute("queue", queue);
        model.addAttribute("page", page);
        model.addAttribute("pageNumber", current);
        model.addAttribute("pages", pages);
        model.addAttribute("prevHref", current > 1 ? link("page", String.valueOf(current - 1)) : null);
        model.addAttribute("nextHref", (open ? inbox.more() : current < pages) ? link("page", String.valueOf(current + 1)) : null);
        model.addAttribute("exportHref", exportLink());
        model.addAttribute("mine", query.effectiveMine(user));
        model.addAttribute("regionNames", regions.names());
        addChoices(model, user);
        return "inbox";
    }

    @GetMapping("/inbox/export.xlsx")
    void export(@ModelAttribute("query") InboxQuery query, BindingResult ignoredBadValues, HttpServletResponse response)
            throws IOException {
        StaffUser user = CurrentStaff.require();
        List<PetitionViews.Row> rows = queries.export(byWords(query.filter(user, EXPORT_LIMIT)), user, EXPORT_LIMIT);
        String name = text().get("queue." + query.effectiveQueue(user).name()) + "-"
                + LocalDate.now(ChinaTime.ZONE) + ".xlsx";
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"worklist.xlsx\"; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                        .replace("+", "%20"));
        new WorkListWorkbook(text(), regions.names()).write(rows, rows.size() >= EXPORT_LIMIT, response.getOutputStream());
    }

    /**
     * The search box is answered by the search module's word index rather than a substring scan of
     * every title and text in scope, which no index serves for two-character words such as 电梯.
     */
    private PetitionQueries.Filter byWords(PetitionQueries.Filter filter) {
        return filter.q() == null ? filter : filter.withTextMatch(search.matching(filter.q()));
    }

    private void addChoices(Model model, StaffUser user) {
        model.addAttribute("channels", Channel.values());
        model.addAttribute("types", PetitionType.values());
        model.addAttribute("flagChoices", PetitionQueries.Flag.values());
        model.addAttribute("sorts", PetitionQueries.Sort.values());
        model.addAttribute("categories", categories.all());
        model.addAttribute("territories", regions.territoryChoices());
        List<Unit> visible = units.visibleTree(user);
        Map<Long, String> unitChoices = new LinkedHashMap<>();
        visible.forEach(u -> unitChoices.put(u.id(), u.name()));
        model.addAttribute("unitChoices", unitChoices);
    }

    /** The current URL with some query parameters replaced (a null value removes the parameter). */
    private static String link(String... namesAndValues) {
        ServletUriComponentsBuilder b = ServletUriComponentsBuilder.fromCurrentRequest();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                b.replaceQueryParam(namesAndValues[i]);
            } else {
                b.replaceQueryParam(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return b.build().toUriString().replaceFirst("^[a-z]+://[^/]+", "");
    }

    private static String exportLink() {
        String current = link("page", null);
        return current.replaceFirst("^/inbox", "/inbox/export.xlsx");
    }
}
