package pl.krakow.agora.discussion;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DiscussionProperties.class)
class DiscussionConfiguration {
}
