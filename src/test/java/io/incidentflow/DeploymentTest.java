package io.incidentflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the application deploys: every model of processes/, dmn/ and forms/ in one deployment, and every
 * form a process references resolvable in that deployment.
 */
@IncidentFlowTest
class DeploymentTest extends IncidentFlowTestBase {

  static final String DEPLOYMENT_NAME = "incident-flow";

  @Autowired
  RepositoryService repository;
  @Autowired
  FormService forms;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void oneDeploymentHoldsEveryModelOfTheProject() throws IOException {
    List<Deployment> deployments = repository.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).list();
    assertThat(deployments).hasSize(1);

    List<String> deployed = repository.getDeploymentResources(deployments.get(0).getId()).stream()
        .map(Resource::getName).sorted().toList();
    List<String> project = Stream.of("processes", "dmn", "forms")
        .flatMap(DeploymentTest::filesOf).sorted().toList();
    assertThat(project).hasSizeGreaterThanOrEqualTo(8);
    assertThat(deployed).containsExactlyElementsOf(project);
  }

  @Test
  void everyFormRefResolvesToAFormOfTheSameDeployment() throws IOException {
    ProcessDefinition definition = repository.createProcessDefinitionQuery()
        .processDefinitionKey("IncidentManagementProcess").latestVersion().singleResult();
    Map<String, String> formIds = formIdsOf(definition.getDeploymentId());
    BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());

    List<String> formRefs = model.getModelElementsByType(FlowNode.class).stream()
        .map(node -> node.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef"))
        .filter(ref -> ref != null).toList();

    assertThat(formRefs).containsExactlyInAnyOrder("ReportIncident", "TriageIncident", "InvestigateIncident",
        "AwaitInformation", "ConfirmResolution");
    assertThat(formIds.keySet()).containsAll(formRefs);
    formRefs.forEach(ref -> assertThat(formIds.get(ref)).isEqualTo("forms/" + ref + ".form"));
    try (InputStream startForm = forms.getDeployedStartForm(definition.getId())) {
      assertThat(json.readTree(startForm).get("id").asText()).isEqualTo("ReportIncident");
    }
  }

  @Test
  void decisionsAreDeployedUnderTheirContractIds() {
    assertThat(repository.createDecisionDefinitionQuery().latestVersion().list())
        .extracting(d -> d.getKey())
        .contains("IncidentCategorization", "IncidentPriority");
  }

  /** Form id (from the JSON) to resource name, for every form of the deployment. */
  private Map<String, String> formIdsOf(String deploymentId) {
    return repository.getDeploymentResources(deploymentId).stream()
        .filter(r -> r.getName().endsWith(".form"))
        .collect(Collectors.toMap(r -> readId(deploymentId, r.getName()), Resource::getName));
  }

  private String readId(String deploymentId, String resourceName) {
    try (InputStream in = repository.getResourceAsStream(deploymentId, resourceName)) {
      return json.readTree(in).get("id").asText();
    } catch (IOException e) {
      throw new IllegalStateException(resourceName, e);
    }
  }

  private static Stream<String> filesOf(String folder) {
    try (Stream<Path> files = Files.list(Path.of(folder))) {
      return files.map(f -> folder + "/" + f.getFileName()).toList().stream();
    } catch (IOException e) {
      throw new IllegalStateException(folder, e);
    }
  }
}
