package com.betterfleet.access.accesspolicy.policy.application;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.betterfleet.access.accesspolicy.schedule.domain.ScheduleWindow;
import com.betterfleet.access.accesspolicy.schedule.domain.WindowOverlap;

/** Windows of one policy that can be in force at the same time (409, naming both of each pair). */
public class OverlappingWindowsException extends RuntimeException {
    private final List<WindowOverlap> overlaps;
    private final Map<String, Integer> indexById = new HashMap<>();

    public OverlappingWindowsException(List<WindowOverlap> overlaps, List<ScheduleWindow> windows) {
        super(describe(overlaps));
        this.overlaps = List.copyOf(overlaps);
        for (int i = 0; i < windows.size(); i++) {
            indexById.put(windows.get(i).id(), i);
        }
    }

    /** The request field of a window, e.g. {@code windows[2]}. */
    public String field(String windowId) {
        Integer index = indexById.get(windowId);
        return index == null ? "windows" : "windows[" + index + "]";
    }

    public List<WindowOverlap> overlaps() {
        return overlaps;
    }

    private static String describe(List<WindowOverlap> overlaps) {
        WindowOverlap first = overlaps.get(0);
        String text = "Windows '" + first.firstWindowId() + "' and '" + first.secondWindowId()
                + "' overlap (an occurrence starting " + first.firstWindowStartDay() + " and one starting "
                + first.secondWindowStartDay() + " share time).";
        return overlaps.size() == 1 ? text : text + " " + (overlaps.size() - 1) + " more overlapping pair(s) listed.";
    }
}
