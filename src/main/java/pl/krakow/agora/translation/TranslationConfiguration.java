package pl.krakow.agora.translation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TranslationProperties.class)
class TranslationConfiguration {

    /** No machine translation unless a bean of its own is declared. */
    @org.springframework.context.annotation.Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean(MachineTranslator.class)
    MachineTranslator machineTranslator() {
        return MachineTranslator.NONE;
    }
}
