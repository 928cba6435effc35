package io.incidentflow.security;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * No expression that a request carries is ever evaluated. A task query may name its criteria by
 * expressions ({@code dueAfterExpression}, {@code candidateGroupsExpression} ...), which the engine
 * evaluates as JUEL, that is, as code on the server. Camunda 7.24 CE refuses them only at the top level
 * of an ad-hoc query; inside {@code orQueries}, and in a query that extends a stored filter, they run
 * (the fix exists only in enterprise patches). This guard, in the engine's command chain and so behind
 * every door, refuses with 400 naming the field:
 * <ul>
 * <li>any expression, at any depth, in an ad-hoc task query (list, count, page, single result);</li>
 * <li>any expression, at any depth, in the query that extends a filter when it is executed;</li>
 * <li>in a stored filter, when it is saved and when it is executed, any expression but Tasklist's
 * placeholders ({@link #PLACEHOLDER}): {@code ${currentUser()}}, {@code ${currentUserGroups()}},
 * {@code ${now()}} and {@code ${dateTime()}} with plus or minus of a number of units. These are no
 * code: the shared filters (My group's incidents, My incidents) keep working.</li>
 * </ul>
 */
@Component
public class QueryExpressionGuard extends AbstractProcessEnginePlugin {

  /** The expressions Tasklist's filter dialog offers, and nothing that could call a method of one's choosing. */
  static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(currentUser\\(\\)|currentUserGroups\\(\\)|now\\(\\)"
      + "|dateTime\\(\\)(\\.(plus|minus)(Years|Months|Weeks|Days|Hours|Minutes|Seconds)\\(\\d{1,6}\\))*)}");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineInterceptors.addBeforeCommands(configuration, new Guard(configuration));
  }

  /** Checks each query and filter command before it runs. */
  static final class Guard extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;

    Guard(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (command instanceof TaskQueryImpl adHoc) {
        refuse(expressions(adHoc, true), "An ad-hoc task query", NO_EXPRESSION);
      } else if (command instanceof AbstractExecuteFilterCmd) {
        if (CommandFields.read(command, "extendingQuery") instanceof TaskQueryImpl extending) {
          refuse(expressions(extending, true), "The query extending a filter", NO_EXPRESSION);
        }
        if (CommandFields.read(command, "filterId") instanceof String filterId) {
          Filter stored = storedFilter(filterId);
          if (stored != null && stored.getQuery() instanceof TaskQueryImpl query) {
            refuse(expressions(query, false), "The filter '" + stored.getName() + "'", ONLY_PLACEHOLDERS);
          }
        }
      } else if (command instanceof SaveFilterCmd
          && CommandFields.read(command, "filter") instanceof Filter filter
          && filter.getQuery() instanceof TaskQueryImpl query) {
        refuse(expressions(query, false), "A stored filter", ONLY_PLACEHOLDERS);
      }
      return next.execute(command);
    }

    /** The filter as stored, read without the caller's authorizations (the command checks those itself). */
    private Filter storedFilter(String filterId) {
      IdentityService identity = configuration.getIdentityService();
      FilterService filters = configuration.getFilterService();
      Authentication caller = identity.getCurrentAuthentication();
      identity.clearAuthentication();
      try {
        return filters.getFilter(filterId);
      } finally {
        identity.setAuthentication(caller);
      }
    }
  }

  /**
   * Where {@code query} names a criterion by an expression it may not hold, as the request names it
   * ({@code orQueries[0].dueAfterExpression}). With {@code none}, every expression counts; without, all
   * but Tasklist's placeholders.
   */
  static List<String> expressions(TaskQueryImpl query, boolean none) {
    List<String> fields = new ArrayList<>();
    List<TaskQueryImpl> queries = query.getQueries();
    for (int i = 0; i < queries.size(); i++) {
      String prefix = i == 0 ? "" : "orQueries[" + (i - 1) + "].";
      queries.get(i).getExpressions().forEach((criterion, expression) -> {
        if (none || expression == null || !PLACEHOLDER.matcher(expression.strip()).matches()) {
          fields.add(prefix + requestName(criterion));
        }
      });
    }
    fields.sort(null);
    return fields;
  }

  /**
   * The name a REST client gives the engine's criterion: {@code taskAssignee} is {@code assigneeExpression},
   * {@code dueAfter} is {@code dueAfterExpression}; the group list alone is named otherwise.
   */
  static String requestName(String criterion) {
    if ("taskCandidateGroupIn".equals(criterion)) {
      return "candidateGroupsExpression";
    }
    String name = criterion.startsWith("task") && criterion.length() > 4
        ? Character.toLowerCase(criterion.charAt(4)) + criterion.substring(5) : criterion;
    return name + "Expression";
  }

  private static final String NO_EXPRESSION = "may hold no expression (an expression is code on the server)";
  private static final String ONLY_PLACEHOLDERS = "may hold no expression but ${currentUser()}, ${currentUserGroups()},"
      + " ${now()} and ${dateTime()} with plus or minus of a number of units";

  private static void refuse(List<String> fields, String what, String rule) {
    if (!fields.isEmpty()) {
      throw new BadUserRequestException(what + " " + rule + ": " + String.join(", ", fields)
          + (fields.size() == 1 ? " is" : " are") + " refused. Give the value itself (a date, a user id, a list of"
          + " groups) instead.");
    }
  }
}
