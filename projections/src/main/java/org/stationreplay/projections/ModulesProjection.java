package org.stationreplay.projections;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.stationreplay.events.ElementAttached;
import org.stationreplay.events.ElementDetached;
import org.stationreplay.events.ElementKind;
import org.stationreplay.events.ElementRelocated;
import org.stationreplay.events.HistoryEvent;
import org.stationreplay.projection.Projection;
import org.stationreplay.projection.Unchanged;
import org.stationreplay.state.AttachedElement;

/** What the station is made of: pressurized modules, and the other elements (trusses, arms, adapters...). */
public final class ModulesProjection implements Projection<ModulesProjection.Modules> {
  public static final String NAME = "modules";

  /** @param moduleCount counted from {@code modules}; both lists in attach order */
  public record Modules(int moduleCount, List<AttachedElement> modules, List<AttachedElement> elements) {
    public static final Modules NONE = new Modules(0, List.of(), List.of());

    public Modules {
      modules = List.copyOf(modules);
      elements = List.copyOf(elements);
      moduleCount = modules.size();
    }

    Modules with(List<AttachedElement> modules, List<AttachedElement> elements) {
      return new Modules(0, modules, elements);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Modules and other elements attached, where and since when, in attach order";
  }

  @Override
  public Class<Modules> valueType() {
    return Modules.class;
  }

  @Override
  public Modules initial() {
    return Modules.NONE;
  }

  @Override
  public Modules apply(Modules value, HistoryEvent event) {
    return event.accept(new Unchanged<>(value) {
      @Override
      public Modules elementAttached(ElementAttached e) {
        AttachedElement element = new AttachedElement(e.element(), e.kind(), e.agency(), e.location(), e.time());
        return e.kind() == ElementKind.MODULE
            ? value.with(plus(value.modules(), element), value.elements())
            : value.with(value.modules(), plus(value.elements(), element));
      }

      @Override
      public Modules elementDetached(ElementDetached e) {
        UnaryOperator<List<AttachedElement>> remove =
            list -> list.stream().filter(x -> !x.name().equals(e.element())).toList();
        return value.with(remove.apply(value.modules()), remove.apply(value.elements()));
      }

      @Override
      public Modules elementRelocated(ElementRelocated e) {
        UnaryOperator<List<AttachedElement>> move =
            list -> list.stream().map(x -> x.name().equals(e.element()) ? x.movedTo(e.to()) : x).toList();
        return value.with(move.apply(value.modules()), move.apply(value.elements()));
      }
    });
  }

  private static List<AttachedElement> plus(List<AttachedElement> list, AttachedElement item) {
    List<AttachedElement> copy = new ArrayList<>(list.size() + 1);
    copy.addAll(list);
    copy.add(item);
    return copy;
  }
}
